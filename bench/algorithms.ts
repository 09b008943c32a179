/**
 * The `algorithms` section of `npm run bench`: wall-clock time and scaling of the parsers and
 * geometry checks whose speed matters, in Node, each against the goal it was written for (see
 * bench/README.md, "Algorithms"). The unit tests check what these functions return; how fast
 * they return it is measured here, never in a timed unit test.
 *
 *   npm run -s bench -- --only algorithms
 */
import { findIntersection } from '../tools/buildings/geometry.ts';
import { synthPlan } from '../tools/demo/plan-synth.ts';
import { ngpText, writeNgpDetaljplan } from '../tools/lib/ngp-writer.ts';
import { createSceneFrame } from '../src/geo/index.ts';
import { PlanIndex } from '../src/layers/zoning/plan-index.ts';
import { parsePlan, type PlanDocument } from '../src/sources/plans/index.ts';
import { selfIntersects } from '../src/sources/plans/ring-checks.ts';

export interface AlgorithmsBenchResult {
  statistic: string;
  parsePlan: { smallPolygons: number; largePolygons: number; smallMs: number; largeMs: number; ratio: number; goals: { largeUnder15s: boolean; ratioUnder10: boolean } };
  selfIntersects: { vertices: number; ms: number; goals: { under2s: boolean } };
  findIntersection: { vertices: number; ms: number; goals: { under500ms: boolean } };
  planIndex: { smallAreas: number; largeAreas: number; queries: number; smallMicrosPerQuery: number; largeMicrosPerQuery: number; ratio: number; goals: { ratioUnder10: boolean } };
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/** Fastest of `runs` timings of `f`, milliseconds (the least disturbed by other processes). */
function fastest(runs: number, f: () => void): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

function planText(count: number): string {
  return ngpText(writeNgpDetaljplan(synthPlan({ count }).plan).collection, 0);
}

const polygonsOf = (doc: PlanDocument) => doc.provisions.reduce((s, p) => s + p.geometry.polygons.length, 0);

/** parsePlan on 2,500 and 10,000 polygons, interleaved so that load from other processes hits both alike. */
function benchParsePlan(runs: number): AlgorithmsBenchResult['parsePlan'] {
  const [small, large] = [planText(2_500), planText(10_000)];
  parsePlan(small); // warm-up (JIT)
  let [smallMs, largeMs] = [Infinity, Infinity];
  let [smallPolygons, largePolygons] = [0, 0];
  for (let r = 0; r < runs; r++) {
    smallMs = Math.min(smallMs, fastest(1, () => (smallPolygons = polygonsOf(parsePlan(small)))));
    largeMs = Math.min(largeMs, fastest(1, () => (largePolygons = polygonsOf(parsePlan(large)))));
  }
  const ratio = largeMs / smallMs;
  // linear: 4× the polygons in about 4× the time; a pass over all pairs would be 16×
  return { smallPolygons, largePolygons, smallMs: r2(smallMs), largeMs: r2(largeMs), ratio: r2(ratio), goals: { largeUnder15s: largeMs < 15_000, ratioUnder10: ratio < 10 } };
}

/** selfIntersects on a simple 20,000-vertex circle and on the same circle with one crossing. */
function benchSelfIntersects(runs: number): AlgorithmsBenchResult['selfIntersects'] {
  const n = 20_000;
  const circle: [number, number][] = Array.from({ length: n }, (_, i) => [Math.cos((2 * Math.PI * i) / n) * 1000, Math.sin((2 * Math.PI * i) / n) * 1000]);
  const crossed = circle.slice();
  [crossed[100], crossed[101]] = [crossed[101]!, crossed[100]!];
  const ms = fastest(runs, () => {
    if (selfIntersects(circle) || !selfIntersects(crossed)) throw new Error('selfIntersects: wrong answer in the bench');
  });
  return { vertices: n, ms: r2(ms), goals: { under2s: ms < 2000 } };
}

/** findIntersection (the buildings converter's check) on a simple 5,000-vertex ring. */
function benchFindIntersection(runs: number): AlgorithmsBenchResult['findIntersection'] {
  const n = 5000;
  const pts: number[] = [];
  for (let i = 0; i < n; i++) pts.push(Math.cos((2 * Math.PI * i) / n) * 100, Math.sin((2 * Math.PI * i) / n) * 100);
  const ring = Float64Array.from(pts);
  const ms = fastest(runs, () => {
    if (findIntersection([ring]) !== null) throw new Error('findIntersection: wrong answer in the bench');
  });
  return { vertices: n, ms: r2(ms), goals: { under500ms: ms < 500 } };
}

/** PlanIndex.at over a grid of k × k 9 m squares (10 m apart): mean time per query, microseconds. */
function indexQueryMicros(k: number, queries: number, runs: number): number {
  const frame = createSceneFrame({ lon: 17.9379, lat: 62.6323, height: 0 });
  const ll = (east: number, north: number): [number, number] => {
    const [lon, lat] = frame.toGeodetic(east, 0, -north);
    return [lon, lat];
  };
  const square = (e: number, n: number) => [ll(e, n), ll(e + 9, n), ll(e + 9, n + 9), ll(e, n + 9), ll(e, n)];
  const provisions: PlanDocument['provisions'] = [];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      provisions.push({ id: `a${i}-${j}`, planId: 'p', kind: 'användning', text: 'Bostäder', values: [], geometry: { polygons: [[square(i * 10, j * 10)]], lines: [], points: [] } });
    }
  }
  const side = k * 10;
  const boundary = [ll(0, 0), ll(side, 0), ll(side, side), ll(0, side), ll(0, 0)];
  const doc: PlanDocument = {
    format: 'ngp-detaljplan-4.1',
    crs: 'EPSG:3014',
    axisOrder: 'EN',
    axisOrderNote: '',
    plans: [{ id: 'p', name: 'Bench', status: 'samråd', decisions: [], boundary: [[boundary]] }],
    provisions,
    warnings: [],
  };
  const index = new PlanIndex(doc);
  // the same relative points in both grids: centres of random squares
  let seed = 1;
  const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const points = Array.from({ length: queries }, () => ll(Math.floor(rand() * k) * 10 + 4.5, Math.floor(rand() * k) * 10 + 4.5));
  const ms = fastest(runs, () => {
    for (const [lon, lat] of points) if (index.at(lon, lat).provisions.length !== 1) throw new Error('PlanIndex: wrong answer in the bench');
  });
  return (ms * 1000) / queries;
}

function benchPlanIndex(runs: number): AlgorithmsBenchResult['planIndex'] {
  const queries = 20_000;
  indexQueryMicros(10, queries, 1); // warm-up (JIT)
  const small = indexQueryMicros(10, queries, runs);
  const large = indexQueryMicros(100, queries, runs);
  const ratio = large / small;
  // a grid: about the same work per query whatever the number of areas (memory caches make the
  // larger grid a few times slower here); a scan over every area would be 100× slower
  return { smallAreas: 100, largeAreas: 10_000, queries, smallMicrosPerQuery: r2(small), largeMicrosPerQuery: r2(large), ratio: r2(ratio), goals: { ratioUnder10: ratio < 10 } };
}

export function runAlgorithmsBench(options: { runs?: number; log?: (m: string) => void } = {}): AlgorithmsBenchResult {
  const runs = Math.max(1, options.runs ?? 3);
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  log('[bench] algorithms: parsePlan 2,500 and 10,000 polygons…');
  const parse = benchParsePlan(runs);
  log('[bench] algorithms: ring checks and the plan index…');
  return {
    statistic: `fastest of ${runs} runs each, in this Node process`,
    parsePlan: parse,
    selfIntersects: benchSelfIntersects(runs),
    findIntersection: benchFindIntersection(runs),
    planIndex: benchPlanIndex(runs),
  };
}
