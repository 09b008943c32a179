/**
 * The demo's synthetic detaljplan (public/plans/harnosand-sundsbryggan.json) read back as
 * NGP JSON: the committed file equals the writer's output; it is labelled synthetic, in
 * samråd, in EPSG:3014 with RH 2000; its use areas tile the plan area without overlaps; and
 * every proposed building of tools/demo/proposal.ts respects it (use, prickmark, height limits
 * over the ground and over the RH 2000 nollplan, utnyttjandegrad), for the default seed and
 * two others. Today's sheds stand on the same block.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateProposal } from '../../../tools/demo/proposal';
import { DEMO_GROUND_RH2000, DEMO_PLAN_PATH, demoPlan, demoPlanText, enuToPlanCrs, PLAN_LIMITS } from '../../../tools/demo/plan';
import { generateToday } from '../../../tools/demo/today';
import { generateTown } from '../../../tools/demo/town';
import { DEFAULT_DEMO_SEED, DEMO_GROUND_HEIGHT } from '../../../tools/demo/origin';
import { area, centroid, convexOverlap, pointInPolygon, type Vec2 } from '../../../tools/lib/geom2d';
import { CATALOGUE } from '../../../tools/lib/ngp-catalogue';
import { loadNgpSchemas, validateNgp } from '../../../tools/lib/ngp-schema';
import { createRng } from '../../../tools/lib/prng';
import { HARNOSAND_REGIONAL_GEOID } from '../../../src/geo/geoid-harnosand';
import { toWgs84 } from '../../../src/geo/crs';
import { parsePlan } from '../../../src/sources/plans';
import { sharedData } from '../../shared-data';

const REPO = new URL('../../../', import.meta.url).pathname;
const SPEC = sharedData('ngp-detaljplan-4.1-spec', "the demo plan's NGP JSON Schema check");

interface Geo {
  geometri: { typ: string; koordinatsystemPlan: string; hojdsystem: string; position: { type: string; coordinates: number[][][] | number[][] } };
}
interface Feature {
  properties: Record<string, unknown> & { bestammelsegeometri?: Geo[]; plangeometri?: Geo[] };
}

/** A provision as read from the file: its polygons (outer ring + holes, [E, N], unclosed). */
interface ReadProvision {
  id: string;
  type: string;
  text: string;
  designation: string;
  ref?: string;
  values: { variabelvarde: string; vardetyp?: string; enhet?: string }[];
  polygons: Vec2[][][];
}

function readPlan(text: string) {
  const doc = JSON.parse(text) as { features: Feature[] };
  const rings = (g: Geo) => (g.geometri.position.coordinates as number[][][]).map((r) => r.slice(0, -1).map(([e, n]) => [e!, n!] as Vec2));
  const [plan, ...rest] = doc.features;
  const provisions: ReadProvision[] = rest.map((f) => ({
    id: f.properties.objektidentitet as string,
    type: f.properties['feature:typ'] as string,
    text: f.properties.bestammelseformulering as string,
    designation: f.properties.beteckning as string,
    ref: f.properties.planbestammelsekatalogreferens as string | undefined,
    values: (f.properties.bestammelsevarde as ReadProvision['values']) ?? [],
    polygons: (f.properties.bestammelsegeometri ?? []).filter((g) => g.geometri.typ === 'yta').map(rings),
  }));
  return { doc, plan: plan!, boundary: (plan!.properties.plangeometri ?? []).map(rings), provisions };
}

const polygonArea = (p: Vec2[][]) => area(p[0]!) - p.slice(1).reduce((s, h) => s + area(h), 0);
const inside = (pts: Vec2[], poly: Vec2[][]) => pts.every((q) => pointInPolygon(q, poly[0]!) && !poly.slice(1).some((h) => pointInPolygon(q, h)));

const COMMITTED = readFileSync(join(REPO, DEMO_PLAN_PATH), 'utf8');

describe('the demo plan file', () => {
  const { plan, boundary, provisions, doc } = readPlan(COMMITTED);
  const uses = provisions.filter((p) => p.type === 'användningsbestämmelse');

  it('is exactly what the writer produces', () => {
    expect(demoPlanText()).toBe(COMMITTED);
  });

  it('is the synthetic Sundsbryggan plan in samråd, EPSG:3014 + RH 2000, genomförandetid 5 år', () => {
    expect(plan.properties.namn).toBe('Detaljplan för Kvarteret Sundsbryggan (SYNTETISK demo)');
    expect(plan.properties.syfte).toMatch(/^SYNTETISK DEMOPLAN, inte en verklig detaljplan/);
    expect(plan.properties).toMatchObject({ status: 'samråd', kommun: 'Härnösand', typ: 'detaljplan' });
    expect((plan.properties.beslutsinformation as { genomforandetid: number }[])[0]!.genomforandetid).toBe(5);
    const geos = doc.features.flatMap((f) => [...(f.properties.plangeometri ?? []), ...(f.properties.bestammelsegeometri ?? [])]);
    expect(geos.length).toBeGreaterThan(20);
    for (const g of geos) expect(g.geometri).toMatchObject({ koordinatsystemPlan: 'EPSG:3014', hojdsystem: 'EPSG:5613' });
    // Härnösand in SWEREF 99 17 15
    const [lon, lat] = toWgs84('EPSG:3014', ...boundary[0]![0]![0]!);
    expect(lon).toBeCloseTo(17.94, 1);
    expect(lat).toBeCloseTo(62.63, 1);
    const gt = provisions.find((p) => p.type === 'administrativ bestämmelse')!;
    expect(gt.values).toEqual([{ datatyp: 'decimaltal', variabelvarde: '5', beskrivning: 'genomförandetid', vardetyp: 'exakt', enhet: 'år' }]);
  });

  it('has B, C, PARK, TORG and GATA areas, prickmark, heights and e1, with catalogue references where known', () => {
    expect(uses.map((u) => u.designation)).toEqual(['B', 'C', 'PARK', 'TORG', 'GATA']);
    expect(uses.find((u) => u.designation === 'B')!.ref).toBe(CATALOGUE.bostader.id);
    const designations = provisions.map((p) => p.designation);
    for (const d of ['h1', 'h2', 'h3', 'h4', 'e1', 'prickmark', 'utfartsförbud', 'a1']) expect(designations).toContain(d);
    expect(provisions.find((p) => p.designation === 'e1')!.ref).toBe(CATALOGUE.storstaByggnadsareaProcent.id);
    expect(provisions.find((p) => p.designation === 'h3')!.text).toContain('nollplan');
    const { uncatalogued } = demoPlan();
    expect(provisions.filter((p) => !p.ref).map((p) => p.designation)).toEqual(['C', 'PARK', 'TORG', 'GATA', 'prickmark', 'a1']);
    expect(uncatalogued).toHaveLength(6);
  });

  it('has use areas that cover the plan area without overlapping (DP-0002, DP-0003)', () => {
    const parts = uses.flatMap((u) => u.polygons);
    const total = parts.reduce((s, p) => s + polygonArea(p), 0);
    expect(boundary).toHaveLength(1);
    expect(total).toBeCloseTo(polygonArea(boundary[0]!), 0);
    // GATA is the plan area with the block as its hole; the other parts lie in the block
    const gata = uses.find((u) => u.designation === 'GATA')!.polygons;
    expect(gata).toHaveLength(1);
    expect(gata[0]![0]).toEqual(boundary[0]![0]);
    const kvarter = parts.filter((p) => p !== gata[0]);
    expect(kvarter.every((p) => p.length === 1)).toBe(true);
    const block = gata[0]![1]!;
    for (const p of kvarter) expect(pointInPolygon(centroid(p[0]!), block)).toBe(true);
    expect(kvarter.reduce((s, p) => s + polygonArea(p), 0)).toBeCloseTo(area(block), 0);
    for (let i = 0; i < kvarter.length; i++) for (let j = i + 1; j < kvarter.length; j++) expect(convexOverlap(kvarter[i]![0]!, kvarter[j]![0]!, -0.01)).toBe(false);
  });

  it('is read by the app’s plan parser as intended: uses, colours, limits over the ground and RH 2000, prickmark', () => {
    const parsed = parsePlan(COMMITTED);
    expect(parsed.warnings).toEqual([]);
    expect(parsed).toMatchObject({ format: 'ngp-detaljplan-4.1', crs: 'EPSG:3014', axisOrder: 'EN', heightSystem: 'EPSG:5613' });
    expect(parsed.plans[0]).toMatchObject({ status: 'samråd', name: 'Detaljplan för Kvarteret Sundsbryggan (SYNTETISK demo)' });
    const by = (d: string) => parsed.provisions.find((p) => p.designation === d)!;
    expect(['B', 'C', 'PARK', 'TORG', 'GATA'].map((d) => [by(d).useCode, by(d).landUse])).toEqual([
      ['B', 'kvartersmark'],
      ['C', 'kvartersmark'],
      ['PARK', 'allmän plats'],
      ['TORG', 'allmän plats'],
      ['GATA', 'allmän plats'],
    ]);
    for (const d of ['B', 'C', 'PARK', 'TORG', 'GATA']) expect(by(d).colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(by('h1').heightLimit).toEqual({ kind: 'nockhöjd', metres: PLAN_LIMITS.southB, reference: 'mark' });
    expect(by('h2').heightLimit).toEqual({ kind: 'nockhöjd', metres: PLAN_LIMITS.northB, reference: 'mark' });
    expect(by('h3').heightLimit).toEqual({ kind: 'nockhöjd', metres: PLAN_LIMITS.northC_RH2000, reference: 'nollplan' });
    expect(by('h4').heightLimit).toEqual({ kind: 'nockhöjd', metres: PLAN_LIMITS.courtyardC, reference: 'mark' });
    expect(by('prickmark').noBuild).toBe(true);
    expect(by('utfartsförbud').geometry.lines).toHaveLength(1);
    // the plan lies on the demo's Sundsbryggan block, about 210 m east and 60 m south of the origin
    const [lon, lat] = by('C').geometry.polygons[0]![0]![0]!;
    expect(lon).toBeCloseTo(17.942, 2);
    expect(lat).toBeCloseTo(62.6318, 3);
  });

  it.skipIf(!SPEC)('validates against the NGP 4.1 schemas except for the missing catalogue references of its text-only provisions', () => {
    const issues = validateNgp(doc, loadNgpSchemas(SPEC!));
    const missing = issues.filter((i) => i.message === 'missing required property "planbestammelsekatalogreferens"');
    expect(missing).toHaveLength(6);
    expect(issues.filter((i) => !missing.includes(i) && !/oneOf/.test(i.message))).toEqual([]);
  });
});

describe.each([DEFAULT_DEMO_SEED, 7, 42])('the proposal for seed %i respects the plan', (seed) => {
  const { provisions } = readPlan(demoPlanText(seed));
  const town = generateTown(createRng(seed));
  const proposal = generateProposal(town, createRng(seed));
  const heightLimits = provisions.filter((p) => /nockhöjd/.test(p.text));
  const prickmark = provisions.find((p) => p.designation === 'prickmark')!;
  const USE_OF: Record<string, string> = { bostad: 'B', centrum: 'C' };

  it('has 10–20 buildings', () => {
    expect(proposal.buildings.length).toBeGreaterThanOrEqual(10);
    expect(proposal.buildings.length).toBeLessThanOrEqual(20);
  });

  for (const b of proposal.buildings) {
    it(`building ${b.id} (${b.name}): on land of its use, off prickmark, under every height limit that covers it`, () => {
      const fp = b.parts.flatMap((p) => p.footprint).map(enuToPlanCrs) as Vec2[];
      const uses = provisions.filter((p) => p.type === 'användningsbestämmelse' && p.polygons.some((poly) => inside(fp, poly)));
      expect(uses.map((u) => u.designation)).toEqual([USE_OF[b.use]]);
      for (const part of b.parts) {
        const pfp = part.footprint.map(enuToPlanCrs) as Vec2[];
        for (const poly of prickmark.polygons) expect(convexOverlap(pfp, poly[0]!, 0)).toBe(false);
      }
      const limits = heightLimits.filter((h) => h.polygons.some((poly) => inside(fp, poly)));
      expect(limits.length).toBeGreaterThan(0);
      for (const h of limits) {
        const metres = Number(h.values[0]!.variabelvarde);
        expect(h.values[0]).toMatchObject({ vardetyp: 'max', enhet: 'meter' });
        // over the nollplan: the building's top in RH 2000 (demo ground 28 m ellipsoidal − N 24.4 m)
        const top = /nollplan/.test(h.text) ? DEMO_GROUND_RH2000 + b.height : b.height;
        expect(top, `${b.id} ${b.name} under ${h.designation}`).toBeLessThanOrEqual(metres);
      }
    });
  }

  it('keeps the courtyard within e1', () => {
    const e1 = provisions.find((p) => p.designation === 'e1')!;
    const zone = e1.polygons[0]!;
    const built = proposal.buildings
      .filter((b) => inside(b.parts[0]!.footprint.map(enuToPlanCrs) as Vec2[], zone))
      .reduce((s, b) => s + area(b.parts[0]!.footprint), 0);
    expect(built).toBeGreaterThan(0);
    expect((100 * built) / polygonArea(zone)).toBeLessThanOrEqual(PLAN_LIMITS.courtyardCoverPercent);
  });
});

describe('the block today', () => {
  const town = generateTown(createRng(DEFAULT_DEMO_SEED));
  const today = generateToday(town, createRng(DEFAULT_DEMO_SEED));
  const block = town.blocks.find((b) => b.kind === 'vacant')!;

  it('has 2–4 old, low buildings on the Sundsbryggan block, not overlapping', () => {
    expect(today.buildings.length).toBeGreaterThanOrEqual(2);
    expect(today.buildings.length).toBeLessThanOrEqual(4);
    for (const b of today.buildings) {
      expect(b.id).toMatch(/^HND-T-\d{3}$/);
      expect(b.yearBuilt).toBeLessThan(1980);
      expect(b.height).toBeLessThan(15);
      for (const q of b.parts[0]!.footprint) expect(pointInPolygon(q, block.polygon)).toBe(true);
    }
    for (let i = 0; i < today.buildings.length; i++)
      for (let j = i + 1; j < today.buildings.length; j++) expect(convexOverlap(today.buildings[i]!.parts[0]!.footprint, today.buildings[j]!.parts[0]!.footprint, 1)).toBe(false);
  });

  it("states the ground's RH 2000 height in the plan: the demo ground less the regional EGM96 geoid, within ±0.5 m", () => {
    const stated = /marken ligger på cirka \+([\d.]+) m/.exec(COMMITTED);
    expect(stated, 'the plan names the ground height over the nollplan').not.toBeNull();
    const metres = Number(stated![1]);
    // the building checks above measure tops from DEMO_GROUND_RH2000: the plan must state that value
    expect(metres).toBe(DEMO_GROUND_RH2000);
    // independently: 28 m above the ellipsoid, less the geoid from the EGM96 grid at the block
    const n = HARNOSAND_REGIONAL_GEOID.geoidHeight(17.942, 62.6318);
    expect(Math.abs(metres - (DEMO_GROUND_HEIGHT - n)), `EGM96 N = ${n} m`).toBeLessThan(0.5);
  });
});
