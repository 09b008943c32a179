/** Plain GeoJSON zoning: property mapping, heights, prickmark, projected GeoJSON and broken features. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromWgs84 } from '../../../../src/geo';
import { parsePlan, PlanParseError } from '../../../../src/sources/plans';
import { signedArea } from '../../../../src/sources/plans/ring-checks';

const FIXTURES = resolve(__dirname, '../../../fixtures/plans');
const read = (name: string): unknown => JSON.parse(readFileSync(resolve(FIXTURES, name), 'utf8'));

const square = (lon: number, lat: number, d = 0.001): number[][][] => [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]];
const fc = (...features: object[]): object => ({ type: 'FeatureCollection', features });
const feature = (properties: object, coordinates: number[][][] = square(17.93, 62.63), id?: string): object => ({ type: 'Feature', ...(id ? { id } : {}), properties, geometry: { type: 'Polygon', coordinates } });

describe('parsePlan on plain GeoJSON', () => {
  it('should read uses, heights, prickmark and text with the default property names', () => {
    const doc = parsePlan(read('geojson-harnosand.input.json') as object);
    expect(doc).toMatchObject({ format: 'geojson', crs: 'EPSG:4326', axisOrder: 'EN' });
    expect(doc.axisOrderNote).toBe('Coordinates read as (longitude, latitude) in EPSG:4326, the GeoJSON order (RFC 7946).');
    expect(doc.plans[0]!.name).toBe('Syntetisk zonindelning, Härnösand (GeoJSON-test)');
    expect(doc.warnings).toEqual([]);
    const get = (id: string) => doc.provisions.find((p) => p.id === id)!;
    expect(get('kvarter-norr')).toMatchObject({ kind: 'användning', designation: 'B1', useCode: 'B', text: 'Kvarter Norr', colourName: 'Gul', landUse: 'kvartersmark' });
    expect(get('kvarter-norr/nockhöjd')).toMatchObject({ kind: 'egenskap', text: 'Högsta nockhöjd är 12 meter.', heightLimit: { kind: 'nockhöjd', metres: 12, reference: 'mark' } });
    expect(get('parken')).toMatchObject({ useCode: 'PARK', text: 'Parken', colour: '#deffce' });
    expect(get('prickmark-norr/prickmark')).toMatchObject({ kind: 'egenskap', noBuild: true });
    expect(get('torget')).toMatchObject({ useCode: 'C', text: 'Centrum' });
    expect(get('torget/totalhöjd').heightLimit).toEqual({ kind: 'totalhöjd', metres: 18.5, reference: 'mark' });
    expect(get('torget').geometry.polygons[0]).toHaveLength(2);
    const [outer, hole] = get('torget').geometry.polygons[0]!;
    expect(signedArea(outer!)).toBeGreaterThan(0);
    expect(signedArea(hole!)).toBeLessThan(0);
    expect(get('gatan')).toMatchObject({ useCode: 'GATA', text: 'Gata' });
  });

  it('should follow a custom mapping', () => {
    const doc = parsePlan(fc(feature({ zon: 'J', hojd: 25, info: 'Industri vid hamnen', skydd: 'ja' }, undefined, 'f1')), {
      mapping: { use: 'zon', maxHeight: 'hojd', text: 'info', noBuild: 'skydd' },
    });
    expect(doc.provisions.map((p) => [p.id, p.kind, p.useCode ?? null, p.heightLimit?.metres ?? null, p.noBuild ?? false])).toEqual([
      ['f1', 'användning', 'J', null, false],
      ['f1/totalhöjd', 'egenskap', null, 25, false],
      ['f1/prickmark', 'egenskap', null, null, true],
    ]);
    expect(doc.provisions[0]!.text).toBe('Industri vid hamnen');
  });

  it('should read projected GeoJSON in (N, E) order when a SWEREF 99 CRS is given', () => {
    const [e, n] = fromWgs84('EPSG:3006', 17.93, 62.63);
    const ring = [[n, e], [n, e + 100], [n + 100, e + 100], [n + 100, e], [n, e]];
    const doc = parsePlan(fc(feature({ use: 'B' }, [ring])), { crs: 'EPSG:3006' });
    expect(doc.crs).toBe('EPSG:3006');
    expect(doc.axisOrder).toBe('NE');
    const first = doc.provisions[0]!.geometry.polygons[0]![0]![0]!;
    expect(first[0]).toBeCloseTo(17.93, 7);
    expect(first[1]).toBeCloseTo(62.63, 7);
  });

  it('should read the CRS named by a GeoJSON 2008 "crs" member', () => {
    const [e, n] = fromWgs84('EPSG:3014', 17.93, 62.63);
    const doc = parsePlan({ ...fc(feature({ use: 'PARK' }, [[[e, n], [e + 50, n], [e + 50, n + 50], [e, n]]])), crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3014' } } });
    expect(doc.crs).toBe('EPSG:3014');
    expect(doc.axisOrder).toBe('EN');
    expect(doc.provisions[0]!.geometry.polygons[0]![0]![0]![0]).toBeCloseTo(17.93, 7);
  });

  it('should warn per broken feature and keep the good ones', () => {
    const doc = parsePlan(read('geojson-broken.input.json') as object);
    expect(doc.provisions.map((p) => p.id)).toEqual(['unclosed', 'unknown-use', 'bad-hole', 'spike']);
    const byId = new Map<string, string[]>();
    for (const w of doc.warnings) byId.set(w.featureId!, [...(byId.get(w.featureId!) ?? []), w.message]);
    expect(byId.get('unclosed')).toEqual(['The geometry was not closed; it was closed by joining its last point to its first.']);
    expect(byId.get('bow-tie')![0]).toBe('The geometry crosses or touches itself; the polygon was skipped.');
    expect(byId.get('two-points')![0]).toBe('The geometry has fewer than 3 distinct points or no area; the polygon was skipped.');
    expect(byId.get('null-coordinate')![0]).toBe('The geometry has a position that is not two numbers; it was skipped.');
    expect(byId.get('no-geometry')).toEqual(['The feature has no geometry; it was skipped.']);
    expect(byId.get('unknown-use')).toEqual(["Use code XYZ is not one of Boverket's use codes, so it has no colour."]);
    expect(byId.get('bad-hole')).toEqual([
      'The geometry, ring 2 (hole) crosses or touches itself; the hole was dropped.',
      'Property "maxHeight" is -3, not a height in metres above 0; it was ignored.',
    ]);
    expect(doc.provisions.find((p) => p.id === 'bad-hole')!.geometry.polygons[0]).toHaveLength(1);
    expect(byId.get('spike')).toEqual(['The geometry turned straight back on itself (a zero-width spike); the spike was cut off.']);
    expect(doc.provisions.find((p) => p.id === 'spike')!.geometry.polygons[0]![0]).toHaveLength(4);
    expect(byId.get('nothing-mapped')![0]).toMatch(/^The feature has no use, height, prickmark or text property/);
    expect(doc.provisions.find((p) => p.id === 'unclosed')!.geometry.polygons[0]![0]).toHaveLength(4);
  });

  it('should throw when nothing can be read', () => {
    expect(() => parsePlan(fc())).toThrow(new PlanParseError('The plan is empty: its feature collection has no features.'));
    expect(() => parsePlan(fc(feature({ colour: 'red' })))).toThrow(/Nothing in the plan could be read/);
    expect(() => parsePlan(fc(feature({ use: 'B' })), { crs: 'EPSG:9999' })).toThrow(/Unknown coordinate system "EPSG:9999"/);
  });
});
