import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { Cartesian3 } from 'cesium';
import { normaliseCrsCode } from '../../../src/geo/crs-code';
import { fromWgs84, getConverter, getCrs, hasCrs, listCrs, registerCrs, toWgs84 } from '../../../src/geo/crs';
import type { CrsDefinition } from '../../../src/geo/crs-definitions';
import { geodeticToEcef } from '../../../src/geo/ellipsoid';
import { expectProjectedBoundsEncloseArea } from './expect-bounds';

interface FixturePoint {
  code: string;
  label: string;
  lon: number;
  lat: number;
}
interface FixtureResult extends FixturePoint {
  easting: number;
  northing: number;
}

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/geo/${name}`, import.meta.url), 'utf8'));
const INPUT = (fixture('sweref99.input.json') as { points: FixturePoint[] }).points;
const OUTPUT = (fixture('sweref99.output.json') as { points: FixtureResult[] }).points;

const BUILTIN_CODES = [
  'EPSG:4326',
  'EPSG:4978',
  'EPSG:3006',
  'EPSG:3007',
  'EPSG:3008',
  'EPSG:3009',
  'EPSG:3010',
  'EPSG:3011',
  'EPSG:3012',
  'EPSG:3013',
  'EPSG:3014',
  'EPSG:3015',
  'EPSG:3016',
  'EPSG:3017',
  'EPSG:3018',
  'EPSG:5613',
  'EPSG:3857',
];

/** [code, name, central meridian °] of the SWEREF 99 local zones (Lantmäteriet). */
const ZONES: [number, string, number][] = [
  [3007, 'SWEREF 99 12 00', 12],
  [3008, 'SWEREF 99 13 30', 13.5],
  [3009, 'SWEREF 99 15 00', 15],
  [3010, 'SWEREF 99 16 30', 16.5],
  [3011, 'SWEREF 99 18 00', 18],
  [3012, 'SWEREF 99 14 15', 14.25],
  [3013, 'SWEREF 99 15 45', 15.75],
  [3014, 'SWEREF 99 17 15', 17.25],
  [3015, 'SWEREF 99 18 45', 18.75],
  [3016, 'SWEREF 99 20 15', 20.25],
  [3017, 'SWEREF 99 21 45', 21.75],
  [3018, 'SWEREF 99 23 15', 23.25],
];

/**
 * Lantmäteriet's published SWEREF 99 TM control points ("Kontrollpunkter", the document
 * on SWEREF 99 ⇄ RT 90): latitude/longitude in d m s and N/E in metres to the millimetre.
 */
const LANTMATERIET_TM: { lat: number; lon: number; northing: number; easting: number }[] = [
  { lat: 67 + 5 / 60 + 26.452769 / 3600, lon: 21 + 2 / 60 + 5.101575 / 3600, northing: 7454204.638, easting: 761811.242 },
  { lat: 63 + 32 / 60 + 14.761735 / 3600, lon: 16 + 14 / 60 + 59.594626 / 3600, northing: 7046077.605, easting: 562140.337 },
  { lat: 60 + 9 / 60 + 33.882413 / 3600, lon: 14 + 45 / 60 + 28.167152 / 3600, northing: 6669189.376, easting: 486557.055 },
  { lat: 56 + 21 / 60 + 17.199245 / 3600, lon: 13 + 52 / 60 + 23.754022 / 3600, northing: 6246136.458, easting: 430374.835 },
];

const HARNOSAND = { lon: 17.9379, lat: 62.6323 };

describe('crs', () => {
  describe('registry', () => {
    it('should register every built-in CRS, in order', () => {
      expect(listCrs().map((d) => d.code)).toEqual(BUILTIN_CODES.concat(listCrs().slice(BUILTIN_CODES.length).map((d) => d.code)));
      for (const code of BUILTIN_CODES) expect(hasCrs(code)).toBe(true);
    });

    it('should describe SWEREF 99 TM, WGS84, ECEF and RH 2000', () => {
      expect(getCrs('EPSG:3006')).toMatchObject({ name: 'SWEREF 99 TM', kind: 'projected', units: 'metre', axisOrder: 'north-east' });
      expect(getCrs('EPSG:3006').proj4).toBe('+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs');
      expect(getCrs(4326)).toMatchObject({ kind: 'geographic', units: 'degree', axisOrder: 'lat-lon' });
      expect(getCrs(4978)).toMatchObject({ kind: 'geocentric', units: 'metre', axisOrder: 'xyz' });
      const rh2000 = getCrs(5613);
      expect(rh2000).toMatchObject({ kind: 'vertical', units: 'metre', axisOrder: 'up' });
      expect(rh2000.proj4).toBeUndefined();
    });

    it.each(ZONES)('should define EPSG:%i "%s" as tmerc k=1, x_0=150000 on central meridian %f', (code, name, cm) => {
      const def = getCrs(code);
      expect(def.name).toBe(name);
      expect(def.kind).toBe('projected');
      expect(def.axisOrder).toBe('north-east');
      expect(def.proj4).toBe(
        `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs`,
      );
      // The central meridian maps to easting 150 000 m exactly.
      expect(fromWgs84(code, cm, 63)[0]).toBeCloseTo(150000, 6);
    });

    it('should accept every spelling of a code', () => {
      const spellings = [
        'EPSG:3006',
        'epsg:3006',
        ' EPSG:3006 ',
        '3006',
        3006,
        'urn:ogc:def:crs:EPSG::3006',
        'urn:ogc:def:crs:EPSG:9.8.1:3006',
        'http://www.opengis.net/def/crs/EPSG/0/3006',
        'https://www.opengis.net/def/crs/EPSG/0/3006',
      ];
      for (const s of spellings) {
        expect(normaliseCrsCode(s)).toBe('EPSG:3006');
        expect(getCrs(s)).toBe(getCrs('EPSG:3006'));
      }
      for (const s of ['urn:ogc:def:crs:OGC:1.3:CRS84', 'OGC:CRS84', 'http://www.opengis.net/def/crs/OGC/1.3/CRS84']) {
        expect(normaliseCrsCode(s)).toBe('EPSG:4326');
      }
      expect(normaliseCrsCode('local:harnosand')).toBe('LOCAL:harnosand');
      expect(() => normaliseCrsCode(30.06)).toThrow(TypeError);
      expect(() => normaliseCrsCode('')).toThrow(TypeError);
    });

    it('should reject an unknown code with the list of registered ones', () => {
      const registered = listCrs()
        .map((d) => d.code)
        .join(', ');
      expect(registered.startsWith('EPSG:4326, EPSG:4978, EPSG:3006, EPSG:3007')).toBe(true);
      expect(() => getCrs('EPSG:9999')).toThrow(`Unknown CRS "EPSG:9999": registered are ${registered}`);
      expect(() => getCrs('9999')).toThrow('Unknown CRS "EPSG:9999": registered are EPSG:4326, EPSG:4978, EPSG:3006,');
      expect(() => getConverter('EPSG:3006', 'urn:ogc:def:crs:EPSG::9999')).toThrow('Unknown CRS "EPSG:9999"');
      expect(hasCrs(9999)).toBe(false);
    });

    it('should cache one converter per (from, to) pair, whatever the spelling', () => {
      const a = getConverter('EPSG:3006', 'EPSG:4326');
      expect(getConverter(3006, 'urn:ogc:def:crs:EPSG::4326')).toBe(a);
      expect(getConverter('http://www.opengis.net/def/crs/EPSG/0/3006', '4326')).toBe(a);
      expect(a.from).toBe('EPSG:3006');
      expect(a.to).toBe('EPSG:4326');
      const b = getConverter('EPSG:4326', 'EPSG:3006');
      expect(b).not.toBe(a);
      expect(getConverter(4326, 3006)).toBe(b);
      expect(getConverter('EPSG:3014', 'EPSG:4978')).toBe(getConverter(3014, 4978));
    });

    it('should refuse to convert a vertical CRS horizontally', () => {
      expect(() => getConverter('EPSG:5613', 'EPSG:4326')).toThrow(/vertical CRS.*rh2000ToEllipsoidal/);
      expect(() => getConverter('EPSG:3006', 5613)).toThrow(/vertical CRS/);
    });
  });

  describe('registerCrs', () => {
    const LOCAL: CrsDefinition = {
      code: 'local:harnosand-tm',
      name: 'Härnösand local transverse Mercator (test)',
      kind: 'projected',
      units: 'metre',
      proj4: `+proj=tmerc +lat_0=${HARNOSAND.lat} +lon_0=${HARNOSAND.lon} +k=1 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs`,
      axisOrder: 'east-north',
    };

    it('should add a new CRS to the registry and to proj4', () => {
      const stored = registerCrs(LOCAL);
      expect(stored.code).toBe('LOCAL:harnosand-tm');
      expect(Object.isFrozen(stored)).toBe(true);
      expect(getCrs('LOCAL:harnosand-tm')).toBe(stored);
      expect(listCrs().at(-1)).toBe(stored);
      expect(proj4.defs('LOCAL:harnosand-tm')).toBeTruthy();

      const [x, y] = fromWgs84('LOCAL:harnosand-tm', HARNOSAND.lon, HARNOSAND.lat);
      expect(Math.abs(x)).toBeLessThan(1e-6);
      expect(Math.abs(y)).toBeLessThan(1e-6);
      // 1 km east and north of the origin, through SWEREF 99 17 15 and back out.
      const [e, n] = fromWgs84(3014, HARNOSAND.lon, HARNOSAND.lat);
      const viaZone = getConverter(3014, 'LOCAL:harnosand-tm').forward(e + 1000, n + 1000);
      // The two grids are rotated by the meridian convergence between 17.25°E and 17.94°E
      // (≈ 0.61°, ~11 m over 1 km) but have the same scale to 2e-5: distances must agree.
      expect(Math.hypot(viaZone[0], viaZone[1])).toBeCloseTo(Math.SQRT2 * 1000, 1);
      const rotationDeg = Math.abs((Math.atan2(viaZone[1], viaZone[0]) * 180) / Math.PI - 45);
      expect(rotationDeg).toBeGreaterThan(0.55);
      expect(rotationDeg).toBeLessThan(0.67);
      const back = getConverter(3014, 'LOCAL:harnosand-tm').inverse(viaZone[0], viaZone[1]);
      expect(back[0]).toBeCloseTo(e + 1000, 6);
      expect(back[1]).toBeCloseTo(n + 1000, 6);
    });

    it('should accept the same definition twice but refuse a different one without replace', () => {
      const first = registerCrs(LOCAL);
      expect(registerCrs({ ...LOCAL })).toBe(first);
      const changed = { ...LOCAL, name: 'renamed' };
      expect(() => registerCrs(changed)).toThrow(/already registered.*replace: true/);
      const converter = getConverter('LOCAL:harnosand-tm', 4326);
      const replaced = registerCrs(changed, { replace: true });
      expect(getCrs('LOCAL:harnosand-tm')).toBe(replaced);
      expect(getConverter('LOCAL:harnosand-tm', 4326)).not.toBe(converter);
    });

    it('should reject invalid definitions', () => {
      expect(() => registerCrs({ ...LOCAL, code: 'TEST:1', proj4: undefined })).toThrow(/needs a proj4 definition/);
      expect(() => registerCrs({ ...LOCAL, code: 'TEST:2', proj4: '+proj=nosuchprojection +units=m' })).toThrow(/invalid proj4/);
      expect(() => registerCrs({ ...LOCAL, code: 'TEST:3', units: 'degree' })).toThrow(/units must be 'metre'/);
      expect(() => registerCrs({ code: 'TEST:4', name: 'h', kind: 'vertical', units: 'metre', axisOrder: 'up', proj4: '+proj=longlat' })).toThrow(
        /takes no proj4/,
      );
      expect(hasCrs('TEST:1') || hasCrs('TEST:2') || hasCrs('TEST:3') || hasCrs('TEST:4')).toBe(false);
    });
  });

  describe('SWEREF 99 against PROJ (golden fixture)', () => {
    it('should have one output per input, covering 3006 and every local zone', () => {
      expect(OUTPUT).toHaveLength(INPUT.length);
      OUTPUT.forEach((p, i) => expect([p.code, p.lon, p.lat]).toEqual([INPUT[i]!.code, INPUT[i]!.lon, INPUT[i]!.lat]));
      const codes = new Set(OUTPUT.map((p) => p.code));
      expect([...codes].sort()).toEqual(['EPSG:3006', ...ZONES.map(([c]) => `EPSG:${c}`)].sort());
      for (const code of codes) expect(OUTPUT.filter((p) => p.code === code).length).toBeGreaterThanOrEqual(6);
    });

    it.each(OUTPUT.map((p) => [`${p.code} ${p.label}`, p] as const))('should project %s to 1 cm and back to 1e-8°', (_name, p) => {
      const [e, n] = fromWgs84(p.code, p.lon, p.lat);
      expect(Math.abs(e - p.easting)).toBeLessThan(0.01);
      expect(Math.abs(n - p.northing)).toBeLessThan(0.01);
      const [lon, lat] = toWgs84(p.code, p.easting, p.northing);
      expect(Math.abs(lon - p.lon)).toBeLessThan(1e-8);
      expect(Math.abs(lat - p.lat)).toBeLessThan(1e-8);
    });

    it('should place Härnösand in SWEREF 99 17 15 and SWEREF 99 TM', () => {
      const inZone = OUTPUT.find((p) => p.code === 'EPSG:3014' && p.label.startsWith('Härnösand'))!;
      const inTm = OUTPUT.find((p) => p.code === 'EPSG:3006' && p.label.startsWith('Härnösand'))!;
      expect(fromWgs84('EPSG:3014', HARNOSAND.lon, HARNOSAND.lat)[0]).toBeCloseTo(inZone.easting, 2);
      expect(fromWgs84('EPSG:3014', HARNOSAND.lon, HARNOSAND.lat)[1]).toBeCloseTo(inZone.northing, 2);
      expect(fromWgs84('EPSG:3006', HARNOSAND.lon, HARNOSAND.lat)[0]).toBeCloseTo(inTm.easting, 2);
      expect(fromWgs84('EPSG:3006', HARNOSAND.lon, HARNOSAND.lat)[1]).toBeCloseTo(inTm.northing, 2);
      // Zone to zone, directly: 3014 → 3006.
      const [e, n] = getConverter(3014, 3006).forward(inZone.easting, inZone.northing);
      expect(Math.abs(e - inTm.easting)).toBeLessThan(0.01);
      expect(Math.abs(n - inTm.northing)).toBeLessThan(0.01);
    });

    it.each(LANTMATERIET_TM.map((p, i) => [i + 1, p] as const))(
      "should reproduce Lantmäteriet's SWEREF 99 TM control point %i to 1 mm",
      (_i, p) => {
        const [e, n] = fromWgs84('EPSG:3006', p.lon, p.lat);
        expect(Math.abs(e - p.easting)).toBeLessThan(0.001);
        expect(Math.abs(n - p.northing)).toBeLessThan(0.001);
        // The published N/E are rounded to 1 mm, i.e. up to 1.2e-8° of longitude at 67°N.
        const [lon, lat] = toWgs84(3006, p.easting, p.northing);
        expect(Math.abs(lon - p.lon)).toBeLessThan(2e-8);
        expect(Math.abs(lat - p.lat)).toBeLessThan(2e-8);
      },
    );
  });

  describe('bounds', () => {
    const projected = listCrs().filter((d) => d.code.startsWith('EPSG:') && d.kind === 'projected');

    it('should give every projected built-in geographic and projected bounds', () => {
      expect(projected).toHaveLength(14);
      for (const def of projected) {
        const b = def.bounds!;
        expect(b.geographic.west).toBeLessThan(b.geographic.east);
        expect(b.geographic.south).toBeLessThan(b.geographic.north);
        expect(b.projected!.minEasting).toBeLessThan(b.projected!.maxEasting);
        expect(b.projected!.minNorthing).toBeLessThan(b.projected!.maxNorthing);
      }
    });

    it.each(projected.map((d) => [d.code, d] as const))('should have %s projected bounds that tightly enclose its geographic area', (_code, def) => {
      expectProjectedBoundsEncloseArea(def);
    });

    it('should tell (E, N) from swapped (N, E) for Härnösand by value range', () => {
      for (const code of ['EPSG:3006', 'EPSG:3014']) {
        const p = getCrs(code).bounds!.projected!;
        const [e, n] = fromWgs84(code, HARNOSAND.lon, HARNOSAND.lat);
        const inside = (x: number, y: number) => x >= p.minEasting && x <= p.maxEasting && y >= p.minNorthing && y <= p.maxNorthing;
        expect(inside(e, n)).toBe(true);
        expect(inside(n, e)).toBe(false);
      }
    });
  });

  describe('ECEF (EPSG:4978)', () => {
    const heights = [-30, 0, 24.4, 150, 2000];

    it('should convert SWEREF 99 TM with heights to ECEF like Cesium, and back', () => {
      const toEcef = getConverter('EPSG:3006', 'EPSG:4978');
      for (const p of OUTPUT.filter((q) => q.code === 'EPSG:3006')) {
        for (const h of heights) {
          const ecef = toEcef.forward(p.easting, p.northing, h);
          const c = Cartesian3.fromDegrees(p.lon, p.lat, h);
          expect(Math.hypot(ecef[0] - c.x, ecef[1] - c.y, ecef[2] - c.z)).toBeLessThan(0.01);
          const [e, n, hBack] = toEcef.inverse(ecef[0], ecef[1], ecef[2]);
          expect(Math.abs(e - p.easting)).toBeLessThan(0.001);
          expect(Math.abs(n - p.northing)).toBeLessThan(0.001);
          expect(Math.abs(hBack - h)).toBeLessThan(0.001);
        }
      }
    });

    it('should convert a local zone with heights to ECEF (Härnösand in 3014)', () => {
      const p = OUTPUT.find((q) => q.code === 'EPSG:3014' && q.label.startsWith('Härnösand'))!;
      const ecef = getConverter(3014, 4978).forward(p.easting, p.northing, 24.4);
      const expected = geodeticToEcef(p.lon, p.lat, 24.4);
      expect(Math.hypot(ecef[0] - expected[0], ecef[1] - expected[1], ecef[2] - expected[2])).toBeLessThan(0.01);
    });

    it('should convert WGS84 ⇄ ECEF and treat ECEF → ECEF as identity', () => {
      const c = Cartesian3.fromDegrees(HARNOSAND.lon, HARNOSAND.lat, 100);
      const ecef = getConverter(4326, 4978).forward(HARNOSAND.lon, HARNOSAND.lat, 100);
      expect(Math.hypot(ecef[0] - c.x, ecef[1] - c.y, ecef[2] - c.z)).toBeLessThan(0.001);
      const [lon, lat, h] = getConverter(4978, 4326).forward(c.x, c.y, c.z);
      expect(lon).toBeCloseTo(HARNOSAND.lon, 10);
      expect(lat).toBeCloseTo(HARNOSAND.lat, 10);
      expect(h).toBeCloseTo(100, 4);
      expect(getConverter(4978, 4978).forward(1, 2, 3)).toEqual([1, 2, 3]);
    });
  });

  describe('toWgs84 / fromWgs84', () => {
    it('should pass heights through horizontal conversions and default them to 0', () => {
      expect(getConverter(3006, 4326).forward(650000, 6950000, 42)[2]).toBeCloseTo(42, 9);
      expect(getConverter(3006, 4326).forward(650000, 6950000)[2]).toBe(0);
    });

    it('should round-trip Härnösand through every SWEREF 99 projection', () => {
      for (const code of ['EPSG:3006', ...ZONES.map(([c]) => `EPSG:${c}`)]) {
        const [x, y] = fromWgs84(code, HARNOSAND.lon, HARNOSAND.lat);
        const [lon, lat] = toWgs84(code, x, y);
        expect(Math.abs(lon - HARNOSAND.lon)).toBeLessThan(1e-10);
        expect(Math.abs(lat - HARNOSAND.lat)).toBeLessThan(1e-10);
      }
    });

    it('should return lon/lat unchanged for EPSG:4326', () => {
      expect(toWgs84('EPSG:4326', 17.9379, 62.6323)).toEqual([17.9379, 62.6323]);
      expect(fromWgs84(4326, 17.9379, 62.6323)).toEqual([17.9379, 62.6323]);
    });
  });
});
