/**
 * The NGP Detaljplan 4.1 writer: its output checked against Lantmäteriet's JSON Schemas
 * (../shared/data/ngp-detaljplan-4.1-spec, with the small draft-04 validator of
 * tools/lib/ngp-schema.ts), and its own rules (no multigeometries, ring orientation, variables
 * and values, axis order, CRS). The schema tests are skipped with a notice where the data
 * folder is absent (an error under CI=true: test/shared-data.ts); the structural tests always run.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE, TEXT_ONLY } from '../../../tools/lib/ngp-catalogue';
import { loadNgpSchemas, validateNgp } from '../../../tools/lib/ngp-schema';
import { uuidFromLabel, NGP_UUID_PATTERN } from '../../../tools/lib/ngp-uuid';
import { NGP_MEDIA_TYPE, ngpText, writeNgpDetaljplan, type NgpPlanInput } from '../../../tools/lib/ngp-writer';
import { sharedData } from '../../shared-data';

const SPEC = sharedData('ngp-detaljplan-4.1-spec', "the NGP writer's JSON Schema checks");

const E0 = 160_000;
const N0 = 6_945_000;
const id = (s: string) => uuidFromLabel(`test:${s}`);

/** A 100 × 60 m plan: a B block (clockwise on purpose) with a height and prickmark, a street with a hole. */
function samplePlan(): NgpPlanInput {
  const block = [
    [E0 + 10, N0 + 10],
    [E0 + 10, N0 + 50],
    [E0 + 90, N0 + 50],
    [E0 + 90, N0 + 10],
  ] as [number, number][];
  return {
    id: id('plan'),
    municipality: 'Härnösand',
    name: 'Testplan (syntetisk)',
    designation: 'TEST-1',
    purpose: 'Synthetic test plan.',
    status: 'samråd',
    statusDate: '2026-01-15',
    versionFrom: '2026-01-15T00:00:00Z',
    boundary: [[[[E0, N0], [E0 + 100, N0], [E0 + 100, N0 + 60], [E0, N0 + 60]]]],
    decision: { body: 'byggnadsnämnd enligt PBL', started: '2025-09-01', implementationYears: 5 },
    provisions: [
      { id: id('B'), kind: 'användning', text: CATALOGUE.bostader.text, catalogueRef: CATALOGUE.bostader.id, designation: 'B', polygons: [[block]] },
      {
        id: id('GATA'),
        kind: 'användning',
        text: TEXT_ONLY.gata,
        designation: 'GATA',
        polygons: [[[[E0, N0], [E0 + 100, N0], [E0 + 100, N0 + 60], [E0, N0 + 60]], [...block].reverse()]],
      },
      {
        id: id('h1'),
        kind: 'egenskap',
        text: CATALOGUE.hogstaNockhojd.text,
        catalogueRef: CATALOGUE.hogstaNockhojd.id,
        designation: 'h1',
        values: [{ name: 'höjd', value: 14, valueType: 'max', unit: 'meter' }],
        polygons: [[block]],
        regulates: [id('B')],
      },
      {
        id: id('prick'),
        kind: 'egenskap',
        text: TEXT_ONLY.prickmark,
        polygons: [[[[E0 + 10, N0 + 10], [E0 + 90, N0 + 10], [E0 + 90, N0 + 14], [E0 + 10, N0 + 14]]], [[[E0 + 10, N0 + 46], [E0 + 90, N0 + 46], [E0 + 90, N0 + 50], [E0 + 10, N0 + 50]]]],
      },
      { id: id('utfart'), kind: 'egenskap', text: CATALOGUE.utfartsforbud.text, catalogueRef: CATALOGUE.utfartsforbud.id, lines: [[[E0 + 10, N0 + 50], [E0 + 90, N0 + 50]]] },
      {
        id: id('gtid'),
        kind: 'administrativ',
        text: TEXT_ONLY.genomforandetid,
        values: [{ name: 'genomförandetid', value: 5, valueType: 'exakt', unit: 'år' }],
        polygons: [[[[E0, N0], [E0 + 100, N0], [E0 + 100, N0 + 60], [E0, N0 + 60]]]],
      },
    ],
  };
}

type Geo = { geometri: { typ: string; koordinatsystemPlan: string; hojdsystem: string; dimension: number; position: { type: string; coordinates: unknown } } };

function signedArea(ring: number[][]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return s / 2;
}

describe('writeNgpDetaljplan', () => {
  it('writes the NGP shape: media type, null geometries, one detaljplan feature first, a feature per provision', () => {
    const { collection, uncatalogued } = writeNgpDetaljplan(samplePlan());
    expect(collection['feature:mediatyp']).toBe(NGP_MEDIA_TYPE);
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(7);
    for (const f of collection.features) expect(f.geometry).toBeNull();
    const [plan, ...provisions] = collection.features;
    expect(plan!.properties).toMatchObject({ 'feature:typ': 'detaljplan', kommun: 'Härnösand', status: 'samråd', typ: 'detaljplan' });
    expect((plan!.properties.beslutsinformation as Record<string, unknown>[])[0]).toMatchObject({ genomforandetid: 5, datumPaborjat: '2025-09-01' });
    expect((plan!.properties.beslutsinformation as { planbestammelse: string[] }[])[0]!.planbestammelse).toEqual(provisions.map((p) => p.properties.objektidentitet));
    expect(provisions.map((p) => p.properties['feature:typ'])).toEqual([
      'användningsbestämmelse',
      'användningsbestämmelse',
      'egenskapsbestämmelse',
      'egenskapsbestämmelse',
      'egenskapsbestämmelse',
      'administrativ bestämmelse',
    ]);
    for (const p of provisions) {
      expect(p.properties.detaljplan).toBe(plan!.properties.objektidentitet);
      expect(p.properties.objektidentitet).toMatch(NGP_UUID_PATTERN);
    }
    expect(uncatalogued).toEqual([id('GATA'), id('prick'), id('gtid')]);
    expect(provisions[0]!.properties.planbestammelsekatalogreferens).toBe('f9e056a6-cda8-4b92-a15d-dc70d61dfa36');
    expect('planbestammelsekatalogreferens' in provisions[1]!.properties).toBe(false);
  });

  it('writes values for the formulation variables, with value type and unit', () => {
    const { collection } = writeNgpDetaljplan(samplePlan());
    const h = collection.features.find((f) => f.properties.beteckning === 'h1')!;
    expect(h.properties.bestammelseformulering).toBe('Högsta nockhöjd är [höjd:decimaltal] meter.');
    expect(h.properties.bestammelsevarde).toEqual([{ datatyp: 'decimaltal', variabelvarde: '14', beskrivning: 'höjd', vardetyp: 'max', enhet: 'meter' }]);
    expect(h.properties.reglerarAnvandningsbestammelse).toEqual([id('B')]);
  });

  it('writes geometri entries in EPSG:3014 + RH 2000, one per part, closed rings, outer CCW and holes CW', () => {
    const { collection } = writeNgpDetaljplan(samplePlan());
    let polygons = 0;
    for (const f of collection.features) {
      const geos = (f.properties.plangeometri ?? f.properties.bestammelsegeometri) as Geo[];
      expect(geos.length).toBeGreaterThan(0);
      for (const g of geos) {
        expect(g.geometri).toMatchObject({ koordinatsystemPlan: 'EPSG:3014', hojdsystem: 'EPSG:5613', dimension: 2 });
        expect(['yta', 'linje']).toContain(g.geometri.typ);
        expect(g.geometri.position.type).toBe(g.geometri.typ === 'yta' ? 'Polygon' : 'LineString');
        if (g.geometri.typ !== 'yta') continue;
        polygons++;
        const rings = g.geometri.position.coordinates as number[][][];
        rings.forEach((r, i) => {
          expect(r[0]).toEqual(r[r.length - 1]);
          expect(Math.sign(signedArea(r))).toBe(i === 0 ? 1 : -1);
        });
      }
    }
    // boundary 1, B 1, GATA 1 (with a hole), h1 1, prickmark 2 parts, genomförandetid 1
    expect(polygons).toBe(7);
    const prick = collection.features.find((f) => f.properties.bestammelseformulering === TEXT_ONLY.prickmark)!;
    expect((prick.properties.bestammelsegeometri as Geo[]).length).toBe(2);
    const gata = collection.features.find((f) => f.properties.beteckning === 'GATA')!;
    expect(((gata.properties.bestammelsegeometri as Geo[])[0]!.geometri.position.coordinates as unknown[]).length).toBe(2);
  });

  it('swaps to (north, east) on request and writes another SWEREF 99 zone', () => {
    const en = writeNgpDetaljplan(samplePlan()).collection;
    const ne = writeNgpDetaljplan(samplePlan(), { axisOrder: 'NE', crs: 'EPSG:3006' }).collection;
    const first = (c: typeof en) => ((c.features[0]!.properties.plangeometri as Geo[])[0]!.geometri.position.coordinates as number[][][])[0]!;
    expect(first(en)[0]).toEqual([E0, N0]);
    expect(first(ne)[0]).toEqual([N0, E0]);
    expect((ne.features[0]!.properties.plangeometri as Geo[])[0]!.geometri.koordinatsystemPlan).toBe('EPSG:3006');
  });

  it('rounds to millimetres and writes deterministic text', () => {
    const plan = samplePlan();
    plan.boundary = [[[[E0 + 0.00049, N0], [E0 + 100.1234567, N0], [E0 + 100, N0 + 60], [E0, N0 + 60]]]];
    const c = writeNgpDetaljplan(plan).collection;
    expect(first(c)).toEqual([E0, N0]);
    expect(((c.features[0]!.properties.plangeometri as Geo[])[0]!.geometri.position.coordinates as number[][][])[0]![1]).toEqual([E0 + 100.123, N0]);
    expect(ngpText(c)).toBe(ngpText(writeNgpDetaljplan(plan).collection));
    expect(ngpText(c).endsWith('}\n')).toBe(true);
    function first(col: typeof c) {
      return ((col.features[0]!.properties.plangeometri as Geo[])[0]!.geometri.position.coordinates as number[][][])[0]![0];
    }
  });

  it('refuses what NGP would stop: missing values, decimals without unit, bad CRS, bad ids, degenerate rings, line uses', () => {
    const withProvision = (patch: Record<string, unknown>) => {
      const p = samplePlan();
      Object.assign(p.provisions[2]!, patch);
      return () => writeNgpDetaljplan(p);
    };
    expect(withProvision({ values: [] })).toThrow(/1 variables .* 0 values \(DP-0022\)/);
    expect(withProvision({ values: [{ name: 'höjd', value: 14 }] })).toThrow(/value type and a unit \(DP-0009\)/);
    expect(withProvision({ values: [{ name: 'höjd', value: '14', valueType: 'max', unit: 'meter' }] })).toThrow(/needs a number/);
    expect(withProvision({ values: [{ name: 'hojd', value: 14, valueType: 'max', unit: 'meter' }] })).toThrow(/variable is "höjd"/);
    expect(withProvision({ id: 'not-a-uuid' })).toThrow(/not a lower-case UUID/);
    expect(withProvision({ polygons: [[[[E0, N0], [E0 + 1, N0], [E0 + 2, N0]]]] })).toThrow(/3 distinct points and an area/);
    expect(withProvision({ polygons: [], lines: [] })).toThrow(/no geometry/);
    expect(() => writeNgpDetaljplan(samplePlan(), { crs: 'EPSG:4326' as never })).toThrow(/EPSG:3006–3018/);
    const dup = samplePlan();
    dup.provisions[1]!.id = dup.provisions[0]!.id;
    expect(() => writeNgpDetaljplan(dup)).toThrow(/duplicate id/);
    const lineUse = samplePlan();
    lineUse.provisions[0]!.lines = [[[E0, N0], [E0 + 5, N0]]];
    expect(() => writeNgpDetaljplan(lineUse)).toThrow(/use provisions are surfaces/);
  });
});

describe('uuidFromLabel', () => {
  it('is deterministic, distinct per label and NGP-shaped', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => uuidFromLabel(`x${i}`));
    expect(new Set(ids).size).toBe(2000);
    for (const u of ids) expect(u).toMatch(/^[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}$/);
    expect(uuidFromLabel('x1')).toBe(ids[1]);
  });
});

describe.skipIf(!SPEC)('against the NGP Detaljplan 4.1 JSON Schemas', () => {
  const registry = SPEC ? loadNgpSchemas(SPEC) : new Map();

  it('accepts the output when every provision has a catalogue reference', () => {
    const plan = samplePlan();
    plan.provisions = plan.provisions.filter((p) => p.catalogueRef);
    const { collection, uncatalogued } = writeNgpDetaljplan(plan);
    expect(uncatalogued).toEqual([]);
    expect(validateNgp(JSON.parse(ngpText(collection)), registry)).toEqual([]);
    expect(validateNgp(JSON.parse(ngpText(writeNgpDetaljplan(plan, { axisOrder: 'NE', crs: 'EPSG:3018' }).collection)), registry)).toEqual([]);
  });

  it('flags text-only provisions, and only them, for the missing catalogue reference', () => {
    const { collection, uncatalogued } = writeNgpDetaljplan(samplePlan());
    const issues = validateNgp(JSON.parse(ngpText(collection)), registry);
    const missing = issues.filter((i) => i.message === 'missing required property "planbestammelsekatalogreferens"');
    const featureIndex = (path: string) => Number(/^\$\.features\[(\d+)\]/.exec(path)![1]);
    const flagged = [...new Set(missing.map((i) => featureIndex(i.path)))].map((k) => collection.features[k]!.properties.objektidentitet);
    expect(flagged).toEqual(uncatalogued);
    // besides the oneOf summaries those failures cause, nothing else is wrong
    expect(issues.filter((i) => !missing.includes(i) && !/oneOf/.test(i.message))).toEqual([]);
  });

  it('catches what the schema forbids: bad status, geometry not null, bad enhet, bad CRS, extra keys where closed', () => {
    const base = () => JSON.parse(ngpText(writeNgpDetaljplan(samplePlan()).collection));
    const messages = (doc: unknown) => validateNgp(doc, registry).map((i) => `${i.path}: ${i.message}`).join('\n');
    let d = base();
    d.features[0].properties.status = 'förslag';
    expect(messages(d)).toMatch(/features\[0\]\.properties\.status: expected one of/);
    d = base();
    d.features[1].geometry = { type: 'Point', coordinates: [0, 0] };
    expect(messages(d)).toMatch(/features\[1\]\.geometry: expected null/);
    d = base();
    d.features[3].properties.bestammelsevarde[0].enhet = 'm';
    expect(messages(d)).toMatch(/bestammelsevarde\[0\]\.enhet: expected one of/);
    d = base();
    d.features[0].properties.plangeometri[0].geometri.koordinatsystemPlan = 'EPSG:4326';
    expect(messages(d)).toMatch(/koordinatsystemPlan: expected one of/);
    d = base();
    d.features[0].properties.beslutsinformation[0].extra = 1;
    expect(messages(d)).toMatch(/beslutsinformation\[0\]: unexpected property "extra"/);
    d = base();
    delete d['feature:mediatyp'];
    expect(messages(d)).toMatch(/missing required property "feature:mediatyp"/);
  });
});
