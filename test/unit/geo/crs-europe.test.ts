import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { fromWgs84, getConverter, getCrs, hasCrs, listCrs, toWgs84 } from '../../../src/geo/crs';
import { EUROPE_CRS, registerEuropeCrs } from '../../../src/geo/crs-europe';
import * as geo from '../../../src/geo';
import { expectProjectedBoundsEncloseArea } from './expect-bounds';

/** Metres between two lon/lat points (local flat approximation, fine below a few km). */
function metres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const R = 6_371_000;
  const dy = ((b.lat - a.lat) * Math.PI) / 180;
  const dx = (((b.lon - a.lon) * Math.PI) / 180) * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  return R * Math.hypot(dx, dy);
}

/**
 * PROJ 9.1.1 (Debian), `cs2cs -f %.9f EPSG:<code> EPSG:4326`, which uses the same Helmert
 * transformations ("Amersfoort to WGS 84 (4)", "CH1903+ to WGS 84 (1)", "CH1903 to WGS 84 (2)").
 */
const PROJ_POINTS: { code: string; x: number; y: number; lat: number; lon: number }[] = [
  { code: 'EPSG:28992', x: 155000, y: 463000, lat: 52.155172301, lon: 5.387203508 },
  { code: 'EPSG:28992', x: 78650, y: 457950, lat: 52.10451608, lon: 4.272767053 },
  { code: 'EPSG:28992', x: 84900, y: 447600, lat: 52.012328662, lon: 4.366104356 },
  { code: 'EPSG:28992', x: 233000, y: 581000, lat: 53.209940957, lon: 6.554720245 },
  { code: 'EPSG:28992', x: 176000, y: 318000, lat: 50.851448853, lon: 5.685391417 },
  { code: 'EPSG:2056', x: 2600000, y: 1200000, lat: 46.951082772, lon: 7.438632421 },
  { code: 'EPSG:2056', x: 2683000, y: 1248000, lat: 47.377607216, lon: 8.537690296 },
  { code: 'EPSG:2056', x: 2500000, y: 1118000, lat: 46.206006993, lon: 6.142954192 },
  { code: 'EPSG:21781', x: 600000, y: 200000, lat: 46.951082772, lon: 7.438632421 },
];

describe('crs-europe', () => {
  it('should register RD New, NAP, RD+NAP, LV95, LV03, LN02, LHN95 and the SWEREF 99 + RH 2000 compounds', () => {
    for (const code of ['EPSG:28992', 'EPSG:5709', 'EPSG:7415', 'EPSG:2056', 'EPSG:21781', 'EPSG:5728', 'EPSG:5729', 'EPSG:5845', 'EPSG:5853', 'EPSG:5857']) {
      expect(hasCrs(code), code).toBe(true);
    }
    expect(EUROPE_CRS.map((d) => d.code)).toEqual(listCrs().slice(-EUROPE_CRS.length).map((d) => d.code));
    expect(getCrs('urn:ogc:def:crs:EPSG::7415').name).toBe('Amersfoort / RD New + NAP height');
    expect(getCrs('https://www.opengis.net/def/crs/EPSG/0/2056').name).toBe('CH1903+ / LV95');
    expect(getCrs(5853).name).toBe('SWEREF99 17 15 + RH2000 height');
  });

  it('should be registered by the src/geo barrel and be idempotent', () => {
    expect(geo.EUROPE_CRS).toBe(EUROPE_CRS);
    expect(() => registerEuropeCrs()).not.toThrow();
  });

  it('should describe compound CRSs by their components', () => {
    const rdNap = getCrs('EPSG:7415');
    expect(rdNap).toMatchObject({ kind: 'projected', horizontal: 'EPSG:28992', vertical: 'EPSG:5709', proj4: getCrs('EPSG:28992').proj4 });
    expect(getCrs('EPSG:5845')).toMatchObject({ horizontal: 'EPSG:3006', vertical: 'EPSG:5613', proj4: getCrs('EPSG:3006').proj4 });
    expect(getCrs('EPSG:5709')).toMatchObject({ kind: 'vertical', units: 'metre', axisOrder: 'up' });
    expect(getCrs('EPSG:28992').accuracy).toMatch(/about 1 m/);
    expect(getCrs('EPSG:2056').accuracy).toMatch(/about 1 m/);
  });

  it.each(PROJ_POINTS.map((p) => [`${p.code} ${p.x},${p.y}`, p] as const))('should match PROJ for %s to 1 cm', (_label, p) => {
    const [lon, lat] = toWgs84(p.code, p.x, p.y);
    expect(metres({ lon, lat }, p)).toBeLessThan(0.01);
    const [x, y] = fromWgs84(p.code, p.lon, p.lat);
    expect(Math.hypot(x - p.x, y - p.y)).toBeLessThan(0.01);
  });

  it("should put the RD origin (155000, 463000) within 1 m of RDNAPTRANS™'s ETRS89 position 52.1551744N 5.38720621E", () => {
    const [lon, lat] = toWgs84('EPSG:28992', 155000, 463000);
    const d = metres({ lon, lat }, { lon: 5.38720621, lat: 52.1551744 });
    expect(d).toBeLessThan(1);
    expect(d).toBeGreaterThan(0.1); // the Helmert approximation is not the official grid: about 0.3 m here
  });

  it('should put LV95 (2600000, 1200000) within 1 m of Bern old observatory, 46.9510827N 7.4386329E', () => {
    const [lon, lat] = toWgs84('EPSG:2056', 2600000, 1200000);
    expect(metres({ lon, lat }, { lon: 7.4386329, lat: 46.9510827 })).toBeLessThan(1);
    const [lon3, lat3] = toWgs84('EPSG:21781', 600000, 200000);
    expect(metres({ lon: lon3, lat: lat3 }, { lon: 7.4386329, lat: 46.9510827 })).toBeLessThan(1);
  });

  it('should pass heights through the horizontal conversion and reach ECEF', () => {
    const [, , h] = getConverter('EPSG:7415', 'EPSG:4326').forward(155000, 463000, 12.5);
    expect(h).toBe(12.5);
    const ecef = getConverter('EPSG:28992', 'EPSG:4978').forward(155000, 463000, 0);
    expect(Math.hypot(...ecef)).toBeGreaterThan(6_360_000);
  });

  it('should use proj4 definitions that proj4 parses with the expected ellipsoid and datum shift', () => {
    const rd = proj4.defs('EPSG:28992') as unknown as { ellps?: string; datum_params?: number[] };
    expect(rd.ellps).toBe('bessel');
    expect(rd.datum_params?.length).toBe(7);
    const lv95 = proj4.defs('EPSG:2056') as unknown as { datum_params?: number[] };
    expect(lv95.datum_params?.slice(0, 3)).toEqual([674.374, 15.056, 405.346]);
  });

  const projected = EUROPE_CRS.filter((d) => d.kind === 'projected' && !d.vertical);
  it.each(projected.map((d) => [d.code, d] as const))('should give %s projected bounds that enclose its area of use', (_code, def) => {
    expectProjectedBoundsEncloseArea(def);
  });
});
