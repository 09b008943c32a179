/**
 * The synthetic N-polygon plan of `npm run tools -- plan-synth`: exactly N polygons, the
 * promised variety (uses, heights, prickmark, holes), deterministic bytes, EPSG:3014 around
 * Härnösand, readable by the app's plan parser without warnings, and the CLI.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toWgs84 } from '../../../src/geo/crs';
import { parsePlan } from '../../../src/sources/plans';
import { main } from '../../../tools/cli';
import { SYNTH_HEIGHTS, synthPlan } from '../../../tools/demo/plan-synth';
import { ngpText, writeNgpDetaljplan, type NgpFeature } from '../../../tools/lib/ngp-writer';

const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

type Geo = { geometri: { typ: string; position: { coordinates: number[][][] } } };
const parts = (f: NgpFeature) => (f.properties.bestammelsegeometri as Geo[]) ?? [];

function io() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s), isTTY: false } } };
}

describe('synthPlan', () => {
  it.each([1, 7, 100, 2500])('makes exactly %i polygons', (n) => {
    const { plan, stats } = synthPlan({ count: n });
    const { collection } = writeNgpDetaljplan(plan);
    const polygons = collection.features.slice(1).flatMap(parts).filter((g) => g.geometri.typ === 'yta');
    expect(polygons).toHaveLength(n);
    expect(stats.polygons).toBe(n);
  });

  const { plan, stats } = synthPlan();
  const { collection } = writeNgpDetaljplan(plan);
  const provisions = collection.features.slice(1);

  it('makes 10,000 by default, with varied uses and heights, prickmark and holes', () => {
    expect(stats.polygons).toBe(10_000);
    expect(provisions.flatMap(parts)).toHaveLength(10_000);
    const designations = provisions.map((p) => p.properties.beteckning);
    for (const d of ['B', 'C', 'J', 'H', 'E', 'PARK', 'TORG', 'NATUR', 'GATA', 'prickmark']) expect(designations).toContain(d);
    const heights = provisions.filter((p) => /nockhöjd/.test(p.properties.bestammelseformulering as string));
    expect(heights.map((h) => Number((h.properties.bestammelsevarde as { variabelvarde: string }[])[0]!.variabelvarde))).toEqual([...SYNTH_HEIGHTS]);
    const withHoles = provisions.flatMap(parts).filter((g) => g.geometri.position.coordinates.length > 1);
    expect(withHoles.length).toBe(stats.holes);
    expect(stats.holes).toBeGreaterThan(100);
    expect(stats.prickmark).toBeGreaterThan(300);
    expect(stats.heightAreas).toBeGreaterThan(1000);
  });

  it('lies in EPSG:3014 around Härnösand, a few km across', () => {
    const [e, n] = parts(provisions[0]!)[0]!.geometri.position.coordinates[0]![0]!;
    const [lon, lat] = toWgs84('EPSG:3014', e!, n!);
    expect(lon).toBeGreaterThan(17.9);
    expect(lon).toBeLessThan(18);
    expect(lat).toBeGreaterThan(62.61);
    expect(lat).toBeLessThan(62.65);
    expect(stats.sideMetres).toBeGreaterThan(2000);
    expect(stats.sideMetres).toBeLessThan(4000);
  });

  it('is deterministic for a seed and differs for another', () => {
    const a = ngpText(collection, 0);
    expect(ngpText(writeNgpDetaljplan(synthPlan().plan).collection, 0)).toBe(a);
    expect(ngpText(writeNgpDetaljplan(synthPlan({ seed: 2 }).plan).collection, 0)).not.toBe(a);
  });

  it('is read by the app’s plan parser without warnings, with colours and height limits', () => {
    const doc = parsePlan(ngpText(collection, 0));
    expect(doc.warnings).toEqual([]);
    expect(doc.crs).toBe('EPSG:3014');
    expect(doc.provisions.reduce((s, p) => s + p.geometry.polygons.length, 0)).toBe(10_000);
    const uses = doc.provisions.filter((p) => p.kind === 'användning');
    for (const u of uses) expect(u.colour, u.designation).toMatch(/^#[0-9a-f]{6}$/);
    expect(doc.provisions.filter((p) => p.heightLimit).map((p) => p.heightLimit!.metres)).toEqual([...SYNTH_HEIGHTS]);
    expect(doc.provisions.find((p) => p.designation === 'prickmark')!.noBuild).toBe(true);
  });
});

describe('npm run tools -- plan-synth', () => {
  it('writes the file with progress and a summary, compact by default', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-synth-'));
    temps.push(dir);
    const file = join(dir, 'sub', 'p.json');
    const t = io();
    expect(await main(['plan-synth', '--count', '500', '--out', file], t.io)).toBe(0);
    expect(t.out.stderr).toMatch(/plan-synth \[#+\] 500\/500/);
    expect(t.out.stderr).toMatch(/plan-synth: 500 polygons \(/);
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(ngpText(writeNgpDetaljplan(synthPlan({ count: 500 }).plan).collection, 0));
    expect(text.split('\n')).toHaveLength(2);
    const ne = join(dir, 'ne.json');
    expect(await main(['plan-synth', '-n', '50', '-o', ne, '--axis-order', 'NE', '-q'], io().io)).toBe(0);
    const first = (JSON.parse(readFileSync(ne, 'utf8')) as { features: NgpFeature[] }).features[1]!;
    const [a, b] = parts(first)[0]!.geometri.position.coordinates[0]![0]!;
    expect(a).toBeGreaterThan(6_900_000); // northing first
    expect(b).toBeLessThan(300_000);
  });

  it('rejects bad options with a usage error', async () => {
    for (const args of [['--count', '0'], ['--count', 'ten'], ['--axis-order', 'XY'], ['--seed', '-1'], ['extra']]) {
      const t = io();
      expect(await main(['plan-synth', ...args, '-q'], t.io), args.join(' ')).toBe(2);
      expect(t.out.stderr).toMatch(/^error: /);
    }
  });
});
