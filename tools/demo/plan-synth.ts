/**
 * A deterministic synthetic detaljplan of N plan polygons (default 10,000) as NGP Detaljplan
 * 4.1 JSON in SWEREF 99 17 15 (EPSG:3014), for benchmarks: a square grid of blocks centred on
 * the demo origin, each block a kvartersmark or allmän plats area (B, C, J, H, E, PARK, TORG,
 * NATUR) with streets (GATA) between them; about four blocks in five carry a maximum height
 * (7–28 m), some a prickmark strip, some a courtyard (a hole in the block, filled with PARK).
 *
 * "Polygons" counts geometry parts of provisions (`bestammelsegeometri` entries of type yta),
 * which is what a viewer triangulates and draws; the plan boundary is not counted. Provisions
 * group parts by use code and by height value, as real plans do.
 */
import { fromWgs84 } from '../../src/geo/crs';
import { CATALOGUE, TEXT_ONLY } from '../lib/ngp-catalogue';
import { uuidFromLabel } from '../lib/ngp-uuid';
import type { NgpPlanInput, NgpPolygon, NgpProvisionInput, NgpRing } from '../lib/ngp-writer';
import { createRng } from '../lib/prng';
import { DEMO_ORIGIN } from './origin';

export const SYNTH_DEFAULT_COUNT = 10_000;
export const SYNTH_DEFAULT_SEED = 1585;
/** Block side and street width, metres. */
export const SYNTH_BLOCK = 40;
export const SYNTH_STREET = 10;
const PITCH = SYNTH_BLOCK + SYNTH_STREET;
/** Maximum heights used, metres over the ground. */
export const SYNTH_HEIGHTS = [7, 10.5, 14, 17.5, 21, 24.5, 28] as const;

type UseKey = 'B' | 'C' | 'J' | 'H' | 'E' | 'PARK' | 'TORG' | 'NATUR' | 'GATA';

const USES: Record<UseKey, { text: string; ref?: string; kvartersmark: boolean }> = {
  B: { text: CATALOGUE.bostader.text, ref: CATALOGUE.bostader.id, kvartersmark: true },
  C: { text: TEXT_ONLY.centrum, kvartersmark: true },
  J: { text: CATALOGUE.industri.text, ref: CATALOGUE.industri.id, kvartersmark: true },
  H: { text: TEXT_ONLY.detaljhandel, kvartersmark: true },
  E: { text: CATALOGUE.tekniskaAnlaggningar.text, ref: CATALOGUE.tekniskaAnlaggningar.id, kvartersmark: true },
  PARK: { text: TEXT_ONLY.park, kvartersmark: false },
  TORG: { text: TEXT_ONLY.torg, kvartersmark: false },
  NATUR: { text: TEXT_ONLY.natur, kvartersmark: false },
  GATA: { text: TEXT_ONLY.gata, kvartersmark: false },
};

const BLOCK_USES: readonly (readonly [UseKey, number])[] = [
  ['B', 45],
  ['C', 15],
  ['J', 8],
  ['H', 6],
  ['E', 3],
  ['PARK', 12],
  ['TORG', 4],
  ['NATUR', 7],
];

export interface SynthPlanOptions {
  /** Number of polygons (geometry parts), ≥ 1. */
  count?: number;
  seed?: number;
  /** Centre of the grid in EPSG:3014 (east, north), metres; default the demo origin. */
  centre?: [number, number];
  /** Called after each row of blocks with the polygons made so far. */
  onProgress?: (done: number, total: number) => void;
}

export interface SynthPlanStats {
  polygons: number;
  blocks: number;
  holes: number;
  prickmark: number;
  heightAreas: number;
  streets: number;
  /** Side of the square grid, metres. */
  sideMetres: number;
  centre: [number, number];
}

const rectRing = (e0: number, n0: number, e1: number, n1: number): NgpRing => [
  [e0, n0],
  [e1, n0],
  [e1, n1],
  [e0, n1],
];

/** Polygons per block on average (use, height, prickmark, courtyard, streets), to size the grid. */
const PER_BLOCK = 3.1;

export function synthPlan(options: SynthPlanOptions = {}): { plan: NgpPlanInput; stats: SynthPlanStats } {
  const count = options.count ?? SYNTH_DEFAULT_COUNT;
  if (!Number.isInteger(count) || count < 1) throw new Error(`plan-synth: count must be a whole number ≥ 1, got ${count}`);
  const seed = options.seed ?? SYNTH_DEFAULT_SEED;
  const rng = createRng(seed).fork('plan-synth');
  const centre = options.centre ?? (fromWgs84('EPSG:3014', DEMO_ORIGIN.lon, DEMO_ORIGIN.lat).map((v) => Math.round(v)) as [number, number]);
  const side = Math.max(1, Math.ceil(Math.sqrt(count / PER_BLOCK)));
  const e0 = centre[0] - (side * PITCH) / 2;
  const n0 = centre[1] - (side * PITCH) / 2;

  const uses = new Map<UseKey, NgpPolygon[]>();
  const heights = new Map<number, NgpPolygon[]>();
  const prickmark: NgpPolygon[] = [];
  const stats: SynthPlanStats = { polygons: 0, blocks: 0, holes: 0, prickmark: 0, heightAreas: 0, streets: 0, sideMetres: side * PITCH, centre };
  const full = () => stats.polygons >= count;
  const add = (list: NgpPolygon[], p: NgpPolygon): boolean => {
    if (full()) return false;
    list.push(p);
    stats.polygons++;
    return true;
  };
  const useList = (k: UseKey) => uses.get(k) ?? (uses.set(k, []), uses.get(k)!);

  // rows of blocks from the south; each row: its street strip to the south, then its blocks
  let rows = 0;
  for (let row = 0; row < side * 4 && !full(); row++) {
    rows = row + 1;
    const n = n0 + row * PITCH;
    if (add(useList('GATA'), [rectRing(e0, n, e0 + side * PITCH, n + SYNTH_STREET)])) stats.streets++;
    for (let col = 0; col < side && !full(); col++) {
      const r = rng.fork(`${row}:${col}`);
      const e = e0 + col * PITCH;
      const bn = n + SYNTH_STREET;
      // the street west of the block
      if (add(useList('GATA'), [rectRing(e, bn, e + SYNTH_STREET, bn + SYNTH_BLOCK)])) stats.streets++;
      const be = e + SYNTH_STREET;
      const use = r.weighted(BLOCK_USES);
      const outer = rectRing(be, bn, be + SYNTH_BLOCK, bn + SYNTH_BLOCK);
      const courtyard = USES[use].kvartersmark && r.chance(0.12);
      const hole = rectRing(be + 12, bn + 12, be + SYNTH_BLOCK - 12, bn + SYNTH_BLOCK - 12);
      if (!add(useList(use), courtyard ? [outer, [...hole].reverse()] : [outer])) break;
      stats.blocks++;
      if (courtyard && add(useList('PARK'), [hole])) stats.holes++;
      if (USES[use].kvartersmark && r.chance(0.85)) {
        const h = r.pick(SYNTH_HEIGHTS);
        const list = heights.get(h) ?? (heights.set(h, []), heights.get(h)!);
        if (add(list, [outer])) stats.heightAreas++;
      }
      if (USES[use].kvartersmark && r.chance(0.3)) {
        const depth = r.float(3, 6);
        if (add(prickmark, [rectRing(be, bn, be + SYNTH_BLOCK, bn + depth)])) stats.prickmark++;
      }
    }
    options.onProgress?.(stats.polygons, count);
  }

  const id = (name: string) => uuidFromLabel(`plan-synth:${seed}:${count}:${name}`);
  const provisions: NgpProvisionInput[] = [];
  for (const key of Object.keys(USES) as UseKey[]) {
    const polygons = uses.get(key);
    if (!polygons?.length) continue;
    const u = USES[key];
    provisions.push({ id: id(key), kind: 'användning', text: u.text, designation: key, ...(u.ref ? { catalogueRef: u.ref } : {}), polygons });
  }
  SYNTH_HEIGHTS.forEach((h, i) => {
    const polygons = heights.get(h);
    if (!polygons?.length) return;
    provisions.push({
      id: id(`h${i + 1}`),
      kind: 'egenskap',
      text: CATALOGUE.hogstaNockhojd.text,
      catalogueRef: CATALOGUE.hogstaNockhojd.id,
      designation: `h${i + 1}`,
      values: [{ name: 'höjd', value: h, valueType: 'max', unit: 'meter' }],
      polygons,
    });
  });
  if (prickmark.length) provisions.push({ id: id('prickmark'), kind: 'egenskap', text: TEXT_ONLY.prickmark, designation: 'prickmark', polygons: prickmark });

  const boundary: NgpPolygon = [rectRing(e0, n0, e0 + side * PITCH, n0 + rows * PITCH)];
  const plan: NgpPlanInput = {
    id: id('plan'),
    municipality: 'Härnösand',
    name: `Syntetisk testplan, ${count} ytor (SYNTETISK)`,
    designation: `SYNTETISK-BENCH-${count}`,
    purpose: `SYNTETISK TESTPLAN för prestandamätning, inte en verklig detaljplan: ${stats.blocks} kvarter i ett rutnät, ${count} ytor. Skapad av Metacity Twin (npm run tools -- plan-synth, seed ${seed}).`,
    status: 'samråd',
    statusDate: '2026-03-02',
    versionFrom: '2026-03-02T00:00:00Z',
    boundary: [boundary],
    decision: { body: 'byggnadsnämnd enligt PBL', implementationYears: 5 },
    provisions,
  };
  return { plan, stats };
}
