/**
 * The `hostile` section of `npm run bench`: what the worst files the caps of issue 17 let through
 * (or refuse) cost now, each in a fresh Node process so that its peak memory is its own (see
 * bench/README.md, "Hostile files"). The unit tests check that these files are refused or read
 * right; how long that takes and how much memory it needs is measured here.
 *
 *   npm run -s bench -- --only hostile
 *   npx tsx bench/hostile.ts --case repeated-xlink      (one case, in this process: one JSON line)
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { upgradeB3dm } from '../src/engine/tiles/legacy-b3dm.ts';
import { buildPlanIndex } from '../src/layers/zoning/plan-index.ts';
import { buildPlanMeshes } from '../src/layers/zoning/plan-meshes.ts';
import { fetchJson, fetchText, PLAN_MAX_BYTES, SCENE_MAX_BYTES } from '../src/sources/fetch-limited.ts';
import { parsePlan, PLAN_LIMITS } from '../src/sources/plans/index.ts';
import { manyVerticesGeoJson, planWideNgp, repeatedXlinkSs637040 } from '../tools/fixtures/hostile-plans.ts';
import { lyingB3dm } from '../tools/fixtures/hostile-tiles.ts';

/** One case's cost: wall time of the work, and the process's resident memory. */
export interface HostileCaseResult {
  name: string;
  what: string;
  /** How the app answers: `read` (drawn) or `refused` with the error's message. */
  outcome: 'read' | 'refused';
  message?: string;
  /** Size of the input, bytes (characters for text). */
  inputBytes: number;
  ms: number;
  /** Resident memory before the work (after the modules and the input were loaded), MiB. */
  rssBeforeMiB: number;
  /** Peak resident memory of the process, MiB. */
  rssPeakMiB: number;
}

export interface HostileBenchResult {
  statistic: string;
  limits: { planVertices: number; planPolygons: number; gmlCharacters: number; planBytes: number; sceneBytes: number };
  cases: HostileCaseResult[];
}

const MIB = 1_048_576;
const r1 = (x: number) => Math.round(x * 10) / 10;
const ORIGIN = { lon: 17.9379, lat: 62.6323, height: 28 };

/** The zoning layer's worker pipeline (parse, meshes, index) on a plan text, as `loadPlan` runs it. */
function planPipeline(text: string): void {
  const doc = parsePlan(text);
  buildPlanMeshes(doc, { origin: ORIGIN, groundHeight: ORIGIN.height, drapeRange: 25 });
  buildPlanIndex(doc);
}

/** A repeated-xlink GML about `chars` characters long (each reference is 26 characters, 3 provisions). */
function xlinkGmlOf(chars: number): string {
  const base = repeatedXlinkSs637040(0).length;
  return repeatedXlinkSs637040(Math.floor((chars - base) / (3 * 26)));
}

/** Areas of `PLAN_LIMITS.ringVertices` positions that fit under the vertex cap. */
const RINGS_AT_CAPS = Math.floor(PLAN_LIMITS.vertices / PLAN_LIMITS.ringVertices) - 1;

/** `RINGS_AT_CAPS` circles of `ringVertices` positions (closing one included), side by side. */
function ringsAtCaps(): object {
  const one = manyVerticesGeoJson(PLAN_LIMITS.ringVertices - 1) as { features: { geometry: { coordinates: [number, number][][] } }[] };
  const ring = one.features[0]!.geometry.coordinates[0]!;
  const features = Array.from({ length: RINGS_AT_CAPS }, (_, i) => ({
    type: 'Feature',
    properties: { use: 'B' },
    geometry: { type: 'Polygon', coordinates: [ring.map(([lon, lat]) => [lon + (i % 5) * 0.005, lat + Math.floor(i / 5) * 0.0025])] },
  }));
  return { type: 'FeatureCollection', features };
}

interface CaseDef {
  what: string;
  /** Makes the input (not timed); `url` is the bench's endless-body server. */
  input: (url: string) => string | Uint8Array;
  run: (input: string | Uint8Array, url: string) => unknown;
}

const CASES: Record<string, CaseDef> = {
  'repeated-xlink': {
    what: 'SS 637040, 212 KB: three provisions each refer to one 256-vertex area 2,420 times (parse, meshes, index)',
    input: () => repeatedXlinkSs637040(),
    run: (text) => planPipeline(text as string),
  },
  'plan-wide-8000': {
    what: 'NGP Detaljplan, 8,000 administrative provisions that each cover the whole plan (parse, meshes, index)',
    input: () => JSON.stringify(planWideNgp()),
    run: (text) => planPipeline(text as string),
  },
  'geojson-rings-at-caps': {
    what: `GeoJSON, ${RINGS_AT_CAPS} areas of ${PLAN_LIMITS.ringVertices} positions each (the ring cap), ${RINGS_AT_CAPS * PLAN_LIMITS.ringVertices} in all (the vertex cap is ${PLAN_LIMITS.vertices}): the slowest plan the caps let through (parse, meshes, index)`,
    input: () => JSON.stringify(ringsAtCaps()),
    run: (text) => planPipeline(text as string),
  },
  'geojson-one-ring-at-vertex-cap': {
    what: `GeoJSON, one area of ${PLAN_LIMITS.vertices - 1} vertices (under the vertex cap, over the ring cap)`,
    input: () => JSON.stringify(manyVerticesGeoJson(PLAN_LIMITS.vertices - 1)),
    run: (text) => planPipeline(text as string),
  },
  'geojson-over-vertex-cap': {
    what: `GeoJSON, one area of ${4 * PLAN_LIMITS.vertices} vertices, four times the vertex cap`,
    input: () => JSON.stringify(manyVerticesGeoJson(4 * PLAN_LIMITS.vertices)),
    run: (text) => planPipeline(text as string),
  },
  'gml-at-character-cap': {
    what: `SS 637040 repeated-xlink GML of just under ${PLAN_LIMITS.gmlCharacters / MIB} Mi characters, the GML cap (parse, meshes, index)`,
    input: () => xlinkGmlOf(PLAN_LIMITS.gmlCharacters - 1_000),
    run: (text) => planPipeline(text as string),
  },
  'gml-over-character-cap': {
    what: `SS 637040 repeated-xlink GML of ${(4 * PLAN_LIMITS.gmlCharacters) / MIB} Mi characters`,
    input: () => xlinkGmlOf(4 * PLAN_LIMITS.gmlCharacters),
    run: (text) => planPipeline(text as string),
  },
  'lying-b3dm': {
    what: 'legacy b3dm, 64 bytes, whose header claims a 1.5 GB batch table (the upgrade to 1.0)',
    input: () => lyingB3dm(),
    run: (bytes) => upgradeB3dm((bytes as Uint8Array).slice().buffer),
  },
  'endless-plan-body': {
    what: 'a plan URL whose server streams an endless body with no Content-Length (fetchText with the plan limit)',
    input: () => '',
    run: (_, url) => fetchText(`${url}/endless`, { maxBytes: PLAN_MAX_BYTES, what: 'plan' }),
  },
  'endless-scene-body': {
    what: 'a scene URL whose server streams an endless body with no Content-Length (fetchJson with the scene limit)',
    input: () => '',
    run: (_, url) => fetchJson(`${url}/endless`, { maxBytes: SCENE_MAX_BYTES, what: 'scene' }),
  },
  'announced-huge-plan-body': {
    what: 'a plan URL whose server announces a 4 GiB body (Content-Length)',
    input: () => '',
    run: (_, url) => fetchText(`${url}/huge`, { maxBytes: PLAN_MAX_BYTES, what: 'plan' }),
  },
};

/** Runs one case in this process and returns its figures. */
export async function runHostileCase(name: string, url: string): Promise<HostileCaseResult> {
  const def = CASES[name];
  if (!def) throw new Error(`unknown hostile case ${name}: expected one of ${Object.keys(CASES).join(', ')}`);
  const input = def.input(url);
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  let outcome: HostileCaseResult['outcome'] = 'read';
  let message: string | undefined;
  try {
    await def.run(input, url);
  } catch (e) {
    outcome = 'refused';
    message = e instanceof Error ? e.message : String(e);
  }
  const ms = performance.now() - t0;
  return {
    name,
    what: def.what,
    outcome,
    ...(message ? { message } : {}),
    inputBytes: input.length,
    ms: r1(ms),
    rssBeforeMiB: r1(rssBefore / MIB),
    rssPeakMiB: r1((process.resourceUsage().maxRSS * 1024) / MIB),
  };
}

/** A loopback server with an endless body (`/endless`) and a 4 GiB announced one (`/huge`, sends 1 MiB). */
async function startBodyServer(): Promise<{ url: string; server: Server }> {
  const chunk = Buffer.alloc(MIB, 0x20);
  const server = createServer((req, res) => {
    if (req.url === '/huge') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(4 * 1024 * MIB) });
      res.end(chunk);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', pump);
    };
    res.on('close', () => res.removeAllListeners('drain'));
    pump();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const SELF = fileURLToPath(import.meta.url);

function runChild(name: string, url: string): Promise<HostileCaseResult> {
  return new Promise((ok, fail) => {
    execFile(process.execPath, ['--expose-gc', '--import', 'tsx', SELF, '--case', name, '--url', url], { cwd: resolve(SELF, '../..'), maxBuffer: 16 * MIB }, (err, stdout, stderr) => {
      if (err) return fail(new Error(`hostile case ${name} failed: ${err.message}\n${stderr}`));
      ok(JSON.parse(stdout.trim().split('\n').at(-1)!) as HostileCaseResult);
    });
  });
}

/** Every case, one after the other, each in a fresh Node process. */
export async function runHostileBench(options: { log?: (m: string) => void } = {}): Promise<HostileBenchResult> {
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const { url, server } = await startBodyServer();
  const cases: HostileCaseResult[] = [];
  try {
    for (const name of Object.keys(CASES)) {
      log(`[bench] hostile: ${name}…`);
      cases.push(await runChild(name, url));
    }
  } finally {
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
  }
  return {
    statistic: 'one run of each case, each in a fresh Node process (peak memory is the process’s maxRSS)',
    limits: { planVertices: PLAN_LIMITS.vertices, planPolygons: PLAN_LIMITS.polygons, gmlCharacters: PLAN_LIMITS.gmlCharacters, planBytes: PLAN_MAX_BYTES, sceneBytes: SCENE_MAX_BYTES },
    cases,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === SELF) {
  const arg = (flag: string) => {
    const i = process.argv.indexOf(flag);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const name = arg('--case');
  if (!name) throw new Error('usage: tsx bench/hostile.ts --case <name> [--url http://127.0.0.1:port]');
  const own = arg('--url') ? null : await startBodyServer();
  const result = await runHostileCase(name, arg('--url') ?? own!.url);
  own?.server.closeAllConnections();
  own?.server.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
