/**
 * NGP Detaljplan 4.1 JSON on the hand-written Härnösand fixtures (test/fixtures/plans): the
 * same plan in EPSG:3014 written (E, N) and in EPSG:3006 written (N, E).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromWgs84 } from '../../../../src/geo';
import { parsePlan, type PlanDocument, type Provision } from '../../../../src/sources/plans';
import { signedArea } from '../../../../src/sources/plans/ring-checks';

const FIXTURES = resolve(__dirname, '../../../fixtures/plans');
const read = (name: string): string => readFileSync(resolve(FIXTURES, name), 'utf8');

const doc3014 = parsePlan(read('ngp-harnosand-3014-en.input.json'));
const doc3006 = parsePlan(read('ngp-harnosand-3006-ne.input.json'));

function byText(doc: PlanDocument, re: RegExp): Provision {
  const p = doc.provisions.find((x) => re.test(x.text));
  if (!p) throw new Error(`no provision matching ${re}`);
  return p;
}

describe('parsePlan on NGP Detaljplan 4.1', () => {
  it('should read the EPSG:3014 (E, N) plan with its CRS, axis order and height system', () => {
    expect(doc3014.format).toBe('ngp-detaljplan-4.1');
    expect(doc3014.crs).toBe('EPSG:3014');
    expect(doc3014.axisOrder).toBe('EN');
    expect(doc3014.axisOrderNote).toBe('Coordinates read as (E, N): first values ≈ 185 100 are eastings in EPSG:3014 (SWEREF 99 17 15).');
    expect(doc3014.heightSystem).toBe('EPSG:5613');
  });

  it('should read the plan: name, designation, status, purpose, decisions and a closed boundary in Härnösand', () => {
    expect(doc3014.plans).toHaveLength(1);
    const plan = doc3014.plans[0]!;
    expect(plan.name).toBe('Kvarteret Testbädden (syntetisk testplan)');
    expect(plan.designation).toBe('2280-P24/7');
    expect(plan.status).toBe('laga kraft');
    expect(plan.purpose).toMatch(/^Syntetisk plan/);
    expect(plan.decisions).toEqual([
      { kind: 'antagande av ny detaljplan', date: '2024-03-18' },
      { kind: 'laga kraft', date: '2024-04-15' },
      { kind: 'genomförandetid 5 år', date: '2024-04-15' },
    ]);
    expect(plan.boundary).toHaveLength(1);
    const ring = plan.boundary[0]![0]!;
    expect(ring).toHaveLength(4);
    for (const [lon, lat] of ring) {
      expect(lon).toBeGreaterThan(17.92);
      expect(lon).toBeLessThan(17.94);
      expect(lat).toBeGreaterThan(62.62);
      expect(lat).toBeLessThan(62.635);
    }
    expect(signedArea(ring)).toBeGreaterThan(0);
  });

  it('should give B its colour from the catalogue and C, GATA, PARK theirs from their text, warning about the unknown UUIDs', () => {
    const b = byText(doc3014, /^Bostäder$/);
    expect(b).toMatchObject({ kind: 'användning', useCode: 'B', designation: 'B', landUse: 'kvartersmark', colourName: 'Gul', colour: '#ffffce', catalogueRef: 'f9e056a6-cda8-4b92-a15d-dc70d61dfa36' });
    expect(byText(doc3014, /^Centrum$/)).toMatchObject({ useCode: 'C', colourName: 'Brun', landUse: 'kvartersmark' });
    expect(byText(doc3014, /^Gata$/)).toMatchObject({ useCode: 'GATA', landUse: 'allmän plats' });
    expect(byText(doc3014, /^Park$/)).toMatchObject({ useCode: 'PARK', colourName: 'Ljusgrön', landUse: 'allmän plats' });
    expect(doc3014.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^Catalogue reference c0ffee00-0000-4000-8000-00000000000c is not in the catalogue lookup \(release 20251201, 18 entries\); its use was read as C from its text “Centrum”\.$/),
      expect.stringMatching(/c0ffee00-0000-4000-8000-0000000000a1 .* read as GATA/),
      expect.stringMatching(/c0ffee00-0000-4000-8000-0000000000a2 .* read as PARK/),
    ]);
    expect(doc3014.warnings.map((w) => w.featureId)).toEqual([
      byText(doc3014, /^Centrum$/).id,
      byText(doc3014, /^Gata$/).id,
      byText(doc3014, /^Park$/).id,
    ]);
  });

  it('should recognise the nockhöjd over ground and the totalhöjd over the zero level as height limits', () => {
    const nock = byText(doc3014, /nockhöjd/);
    expect(nock.text).toBe('Högsta nockhöjd är 14,5 meter.');
    expect(nock.heightLimit).toEqual({ kind: 'nockhöjd', metres: 14.5, reference: 'mark' });
    expect(nock.regulates).toEqual([byText(doc3014, /^Bostäder$/).id]);
    const total = byText(doc3014, /totalhöjd/);
    expect(total.text).toBe('Högsta totalhöjd är 32 meter över nollplanet.');
    expect(total.heightLimit).toEqual({ kind: 'totalhöjd', metres: 32, reference: 'nollplan' });
  });

  it('should mark the prickmark strip as no-build, and only it', () => {
    const noBuild = doc3014.provisions.filter((p) => p.noBuild);
    expect(noBuild.map((p) => p.text)).toEqual(['Marken får inte förses med byggnad.']);
    const ring = noBuild[0]!.geometry.polygons[0]![0]!;
    // Back in EPSG:3014 the strip is 95 m × 6 m along the street.
    const en = ring.map(([lon, lat]) => fromWgs84('EPSG:3014', lon, lat));
    const es = en.map((p) => p[0]);
    const ns = en.map((p) => p[1]);
    expect(Math.max(...es) - Math.min(...es)).toBeCloseTo(95, 6);
    expect(Math.max(...ns) - Math.min(...ns)).toBeCloseTo(6, 6);
  });

  it('should fill placeholders from bestammelsevarde and take the designation from the catalogue', () => {
    const e = byText(doc3014, /byggnadsarea/);
    expect(e.text).toBe('Största byggnadsarea är 40 % av fastighetsarean inom egenskapsområdet.');
    expect(e.designation).toBe('e');
    expect(e.values).toEqual([{ name: 'utnyttjandegrad', value: 40, valueType: 'max', unit: 'procent' }]);
    expect(e.heightLimit).toBeUndefined();
    const adm = byText(doc3014, /Genomförandetiden/);
    expect(adm.kind).toBe('administrativ');
    expect(adm.text).toBe('Genomförandetiden är 5 år från den dag planen vinner laga kraft.');
    expect(adm.values).toEqual([{ name: 'genomförandetid', value: 5, valueType: 'exakt', unit: 'år' }]);
  });

  it('should read the utfartsförbud as a line', () => {
    const u = byText(doc3014, /^Utfartsförbud$/);
    expect(u.geometry.polygons).toEqual([]);
    expect(u.geometry.lines).toHaveLength(1);
    expect(u.geometry.lines[0]).toHaveLength(2);
  });

  it('should read the EPSG:3006 (N, E) copy as (N, E) and give the same geometry within 1e-6°', () => {
    expect(doc3006.crs).toBe('EPSG:3006');
    expect(doc3006.axisOrder).toBe('NE');
    expect(doc3006.axisOrderNote).toBe('Coordinates read as (N, E): first values ≈ 6.9 million are northings in EPSG:3006 (SWEREF 99 TM).');
    expect(doc3006.provisions).toHaveLength(doc3014.provisions.length);
    const flat = (d: PlanDocument): number[] => [
      ...d.plans.flatMap((p) => p.boundary.flat(3)),
      ...d.provisions.flatMap((p) => [...p.geometry.polygons.flat(3), ...p.geometry.lines.flat(2), ...p.geometry.points.flat()]),
    ];
    const a = flat(doc3014);
    const b = flat(doc3006);
    expect(b).toHaveLength(a.length);
    expect(a.length).toBeGreaterThan(80);
    const worst = Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
    expect(worst).toBeLessThan(1e-6);
    expect(doc3006.provisions.map((p) => [p.id, p.text, p.useCode, p.heightLimit, p.noBuild])).toEqual(doc3014.provisions.map((p) => [p.id, p.text, p.useCode, p.heightLimit, p.noBuild]));
  });
});
