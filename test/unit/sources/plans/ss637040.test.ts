/**
 * SS 637040:2016 GML on the real plan in ../shared/data/detaljplan-ss637040-qgissverige
 * (Oppmanna-Tollarp 2:32, Kristianstad, SWEREF 99 13 30, coordinates (N, E)), and on small
 * hand-made variants of it.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromWgs84 } from '../../../../src/geo';
import { parsePlan, PlanParseError, type PlanDocument, type Provision } from '../../../../src/sources/plans';
import { selfIntersects, signedArea } from '../../../../src/sources/plans/ring-checks';
import { crsFromName, heightSystemFromName } from '../../../../src/sources/plans/ss637040';
import { sharedData } from '../../../shared-data';

const REPO = resolve(__dirname, '../../../..');
const FILE = sharedData('detaljplan-ss637040-qgissverige/plankarta.xml', 'parsePlan on the real SS 637040 plan');

describe('crsFromName / heightSystemFromName', () => {
  it('should map SS 637040 CRS names to EPSG codes', () => {
    expect(crsFromName('SWEREF99_13_30')).toBe('EPSG:3008');
    expect(crsFromName('SWEREF99_TM')).toBe('EPSG:3006');
    expect(crsFromName('SWEREF 99 17 15')).toBe('EPSG:3014');
    expect(crsFromName('EPSG:3014')).toBe('EPSG:3014');
    expect(crsFromName('RT90_2.5_gon_V')).toBeUndefined();
    expect(heightSystemFromName('RH 2000')).toBe('EPSG:5613');
    expect(heightSystemFromName('RH 70')).toBeUndefined();
  });
});

describe.skipIf(!FILE)('parsePlan on the SS 637040 example (../shared/data)', () => {
  // (vitest collects a skipped describe too: parse only where the file exists)
  const xml = FILE ? readFileSync(FILE, 'utf8') : '';
  const doc = FILE ? parsePlan(xml) : ({ provisions: [] } as unknown as PlanDocument);
  const uses = doc.provisions.filter((p) => p.kind === 'användning');
  const byDesignation = (d: string): Provision => {
    const p = uses.find((u) => u.designation === d);
    if (!p) throw new Error(`no use ${d}`);
    return p;
  };

  it('should detect the format, CRS, (N, E) order and RH 2000 without warnings', () => {
    expect(doc.format).toBe('ss637040');
    expect(doc.crs).toBe('EPSG:3008');
    expect(doc.axisOrder).toBe('NE');
    expect(doc.axisOrderNote).toBe('Coordinates read as (N, E): first values ≈ 6.2 million are northings in EPSG:3008 (SWEREF 99 13 30).');
    expect(doc.heightSystem).toBe('EPSG:5613');
    expect(doc.warnings).toEqual([]);
  });

  it('should read the plan: name, number, registration date and its boundary', () => {
    expect(doc.plans).toHaveLength(1);
    const plan = doc.plans[0]!;
    expect(plan).toMatchObject({ id: '5ac8e403-314c-495b-ab6a-280987424d0a', name: 'Oppmanna-Tollarp 2:32 och del av 1:22', designation: 'BN16/1724' });
    expect(plan.decisions).toEqual([{ kind: 'registrering', date: '2017-05-15' }]);
    expect(plan.boundary).toHaveLength(1);
    expect(plan.boundary[0]).toHaveLength(1);
  });

  it('should find the uses R, S, GATA, GÅNG, CYKEL, NATUR and E with their colours', () => {
    expect(uses.map((u) => u.useCode).sort()).toEqual(['CYKEL', 'E', 'GATA', 'GÅNG', 'NATUR', 'R', 'S']);
    expect(byDesignation('R')).toMatchObject({ text: 'Besöksanläggningar (Idrott, bad)', landUse: 'kvartersmark', colourName: 'Orange' });
    expect(byDesignation('GATA')).toMatchObject({ landUse: 'allmän plats', colourName: 'Ljusgrå' });
    expect(byDesignation('NATUR')).toMatchObject({ landUse: 'allmän plats', colourName: 'Ljusgrön' });
    expect(byDesignation('E')).toMatchObject({ landUse: 'kvartersmark', colourName: 'Blågrå' });
    for (const u of uses) expect(u.colour, u.designation).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('should read the 13 m nockhöjd over area d, once, regulating both R and S', () => {
    const heights = doc.provisions.filter((p) => p.heightLimit);
    expect(heights).toHaveLength(1);
    const h = heights[0]!;
    expect(h.heightLimit).toEqual({ kind: 'nockhöjd', metres: 13, reference: 'mark' });
    expect(h.text).toBe('Högsta nockhöjd är 13 meter.');
    expect(h.values).toEqual([{ name: 'hojd', value: 13, valueType: 'max', unit: 'meter' }]);
    expect(h.regulates).toEqual([byDesignation('R').id, byDesignation('S').id]);
    // Area d is the area whose outline the byggnadsarea 5500 m² (e) provision also uses.
    const e = doc.provisions.find((p) => p.designation === 'e')!;
    expect(e.text).toBe('Största byggnadsarea är 5500 m².');
    expect(h.geometry.polygons).toEqual(e.geometry.polygons);
  });

  it('should read prickmark as no-build and the administrative genomförandetid of 5 years', () => {
    expect(doc.provisions.filter((p) => p.noBuild)).toHaveLength(2);
    const korsmark = doc.provisions.find((p) => /endast förses med komplementbyggnad/.test(p.text));
    expect(korsmark?.noBuild).toBeUndefined();
    const g = doc.provisions.find((p) => /Genomförandetiden/.test(p.text))!;
    expect(g.kind).toBe('administrativ');
    expect(g.values).toEqual([{ name: 'antal', value: 5, valueType: 'exakt', unit: 'år' }]);
    expect(g.text).toBe('Genomförandetiden är 5 år från den dag planen vinner laga kraft.');
  });

  it('should put the plan in southern Sweden (Kristianstad, about 14.29 E, 56.17 N) with closed, simple, counter-clockwise rings', () => {
    const all = [...doc.plans.flatMap((p) => p.boundary), ...doc.provisions.flatMap((p) => p.geometry.polygons)];
    expect(all.length).toBeGreaterThan(15);
    for (const poly of all) {
      const outer = poly[0]!;
      expect(outer.length).toBeGreaterThanOrEqual(3);
      expect(outer[0]).not.toEqual(outer[outer.length - 1]);
      expect(selfIntersects(outer)).toBe(false);
      expect(signedArea(outer)).toBeGreaterThan(0);
      for (const [lon, lat] of outer) {
        expect(lon).toBeGreaterThan(14.27);
        expect(lon).toBeLessThan(14.3);
        expect(lat).toBeGreaterThan(56.16);
        expect(lat).toBeLessThan(56.18);
      }
    }
  });

  it('should rebuild the areas from their boundary lines: the plan area equals the union of the use areas', () => {
    const area = (poly: [number, number][][]): number => {
      const en = poly[0]!.map(([lon, lat]) => fromWgs84('EPSG:3008', lon, lat));
      return signedArea(en) / 2;
    };
    const planArea = area(doc.plans[0]!.boundary[0]!);
    // Uses that share one area (R and S on a; GÅNG and CYKEL on c) count once.
    const seen = new Set<string>();
    let usesArea = 0;
    for (const u of uses) {
      const key = JSON.stringify(u.geometry.polygons);
      if (seen.has(key)) continue;
      seen.add(key);
      usesArea += u.geometry.polygons.reduce((s, p) => s + area(p), 0);
    }
    expect(planArea).toBeGreaterThan(5000);
    expect(usesArea / planArea).toBeCloseTo(1, 6);
  });

  it('should take label points from insattning', () => {
    expect(byDesignation('GÅNG').geometry.points).toHaveLength(1);
  });
});

describe('parsePlan on broken SS 637040 input', () => {
  const minimal = (body: string, plan = '<koordinatsystem>SWEREF99_TM</koordinatsystem>'): string =>
    `<?xml version="1.0"?><DP_Data xmlns="http://www.sis.se/ss637040" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink">${body}<plan><DP_Plan gml:id="p"><uuid>11111111-2222-4333-8444-555555555555</uuid>${plan}<planomrade xlink:href="#A"/>` +
    '<anvandningsbestammelse><DP_Anvandningsbestammelse gml:id="u"><uuid>11111111-2222-4333-8444-000000000001</uuid><beteckning>B</beteckning><omrade xlink:href="#A"/></DP_Anvandningsbestammelse></anvandningsbestammelse></DP_Plan></plan></DP_Data>';
  const line = (id: string, pts: [number, number][]): string =>
    `<grans><DP_Grans gml:id="${id}"><linje><gml:Curve><gml:segments><gml:LineStringSegment>${pts.map((p) => `<gml:pos>${p[0]} ${p[1]}</gml:pos>`).join('')}</gml:LineStringSegment></gml:segments></gml:Curve></linje></DP_Grans></grans>`;
  const square: [number, number][] = [[6948000, 650000], [6948000, 650100], [6948100, 650100], [6948100, 650000]];

  it('should assemble an area from lines listed in any order and direction', () => {
    const body = line('L1', [square[0]!, square[1]!]) + line('L2', [square[2]!, square[1]!]) + line('L3', [square[2]!, square[3]!, square[0]!]) +
      '<omrade><DP_Omrade gml:id="A"><plus xlink:href="#L3"/><minus xlink:href="#L2"/><plus xlink:href="#L1"/></DP_Omrade></omrade>';
    const doc = parsePlan(minimal(body));
    expect(doc.warnings).toEqual([]);
    expect(doc.provisions[0]!.geometry.polygons[0]![0]).toHaveLength(4);
    expect(doc.crs).toBe('EPSG:3006');
  });

  it('should warn about a line used against its plus/minus direction and still close the area', () => {
    const body = line('L1', [square[0]!, square[1]!]) + line('L2', [square[1]!, square[2]!]) + line('L3', [square[2]!, square[3]!, square[0]!]) +
      '<omrade><DP_Omrade gml:id="A"><plus xlink:href="#L1"/><minus xlink:href="#L2"/><plus xlink:href="#L3"/></DP_Omrade></omrade>';
    const doc = parsePlan(minimal(body));
    expect(doc.provisions[0]!.geometry.polygons).toHaveLength(1);
    expect(doc.warnings.map((w) => w.message)).toContain('Area #A: Boundary line L2 runs against the direction its plus/minus reference gives; it was used reversed.');
  });

  it('should skip a provision whose area does not close, with a warning naming the loose end', () => {
    const body = line('L1', [square[0]!, square[1]!, square[2]!]) + '<omrade><DP_Omrade gml:id="A"><plus xlink:href="#L1"/><plus xlink:href="#L9"/></DP_Omrade></omrade>';
    const doc = parsePlan(minimal(body));
    expect(doc.provisions).toEqual([]);
    const messages = doc.warnings.map((w) => w.message);
    expect(messages).toContain('Area #A refers to boundary line #L9, which the file does not contain; the line was left out.');
    expect(messages).toContain('Area #A: Boundary line L1 does not close into a ring (loose end at E 650100.00, N 6948100.00); left out.');
    expect(doc.warnings.find((w) => w.featureId === '11111111-2222-4333-8444-000000000001')?.message).toBe("The provision's area #A could not be built; it was skipped.");
  });

  it('should throw when no CRS is named or given, and use options.crs when one is given', () => {
    const body = line('L1', [...square, square[0]!]) + '<omrade><DP_Omrade gml:id="A"><plus xlink:href="#L1"/></DP_Omrade></omrade>';
    expect(() => parsePlan(minimal(body, ''))).toThrow(new PlanParseError('The plan names no coordinate system (koordinatsystem), and none was given.'));
    const doc = parsePlan(minimal(body, ''), { crs: 'EPSG:3006' });
    expect(doc.crs).toBe('EPSG:3006');
    expect(doc.provisions).toHaveLength(1);
  });

  it('should throw a PlanParseError for XML that is not SS 637040, and for broken XML', () => {
    expect(() => parsePlan('<?xml version="1.0"?><kml><Document/></kml>')).toThrow(PlanParseError);
    expect(() => parsePlan('<DP_Data xmlns="http://www.sis.se/ss637040"><plan><DP_Plan></plan>', { format: 'ss637040' })).toThrow(/not well-formed XML/);
  });
});

describe('parsePlan on SS 637040 details (test/fixtures/hostile/ss637040-entities-3d.xml)', () => {
  const doc = parsePlan(readFileSync(join(REPO, 'test/fixtures/hostile/ss637040-entities-3d.xml'), 'utf8'));

  it('should decode numeric character references in names and texts', () => {
    expect(doc.plans[0]!.name).toBe('Kvärteret Östra Stråket & ‘Grönkilen’');
    expect(doc.provisions.find((p) => p.kind === 'användning')!.text).toBe('Bostäder (Bostäder för äldre)');
  });

  it('should pair 3D coordinates by the srsDimension of the enclosing curve', () => {
    expect(doc.warnings).toEqual([]);
    const [use, prick] = doc.provisions;
    const toEN = (ring: [number, number][]) => ring.map(([lon, lat]) => fromWgs84('EPSG:3014', lon, lat).map((v) => Math.round(v)));
    expect(toEN(use!.geometry.polygons[0]![0]!)).toEqual([[185100, 6947500], [185300, 6947500], [185300, 6947620], [185100, 6947620]]);
    expect(toEN(prick!.geometry.polygons[0]![0]!)).toEqual([[185120, 6947520], [185180, 6947520], [185180, 6947560], [185120, 6947560]]);
    expect(prick!.noBuild).toBe(true);
  });

  // (fast-xml-parser reads a few MB a second on a loaded machine: hence the timeout)
  it('should read a posList of 150,000 positions (more than a function call takes arguments)', { timeout: 60_000 }, () => {
    const n = 150_000;
    const pts: string[] = [];
    for (let i = 0; i < n; i++) {
      const a = (i / n) * 2 * Math.PI;
      pts.push(`${(6947600 + 100 * Math.sin(a)).toFixed(3)} ${(185300 + 100 * Math.cos(a)).toFixed(3)}`);
    }
    pts.push(pts[0]!);
    // (the plan area is the small one, so that the long line is used once, within the caps)
    const big = readFileSync(join(REPO, 'test/fixtures/hostile/ss637040-entities-3d.xml'), 'utf8')
      .replace('<planomrade xlink:href="#A"/>', '<planomrade xlink:href="#P"/>')
      .replace(/<gml:Curve gml:id="c1"[\s\S]*?<\/gml:Curve>/, `<gml:Curve><gml:segments><gml:LineStringSegment><gml:posList>${pts.join(' ')}</gml:posList></gml:LineStringSegment></gml:segments></gml:Curve>`);
    const parsed = parsePlan(big);
    expect(parsed.provisions[0]!.geometry.polygons[0]![0]).toHaveLength(n);
  });
});

