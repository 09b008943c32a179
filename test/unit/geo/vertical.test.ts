import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateGrid } from '../../../src/geo/geoid-grid';
import { EGM96_NETHERLANDS_GRID, EGM96_SWEDEN_GRID, EGM96_SWITZERLAND_GRID } from '../../../src/geo/geoid-egm96-regions';
import { HARNOSAND_EGM96_GRID } from '../../../src/geo/geoid-harnosand';
import {
  NAP_EGM96_GEOID,
  NAP_GEOID_NOTE,
  SWEDEN_EGM96_GEOID,
  SWEDEN_GEOID_NOTE,
  SWISS_EGM96_GEOID,
  SWISS_GEOID_NOTE,
  geoidModelFor,
  listVerticalCrsWithGeoid,
  splitCrs,
  toEllipsoidalHeight,
  usualVerticalCrs,
} from '../../../src/geo/vertical';

interface Sample {
  label: string;
  region: 'NETHERLANDS' | 'SWITZERLAND' | 'SWEDEN';
  lon: number;
  lat: number;
  geoidHeight: number;
}
const FIXTURE = JSON.parse(readFileSync(new URL('../../fixtures/geo/egm96-europe.json', import.meta.url), 'utf8')) as { samples: Sample[] };
const MODELS = { NETHERLANDS: NAP_EGM96_GEOID, SWITZERLAND: SWISS_EGM96_GEOID, SWEDEN: SWEDEN_EGM96_GEOID };

describe('vertical', () => {
  describe('EGM96 regional grids', () => {
    it('should be well-formed 0.25° grids covering the countries', () => {
      for (const g of [EGM96_NETHERLANDS_GRID, EGM96_SWITZERLAND_GRID, EGM96_SWEDEN_GRID]) {
        expect(() => validateGrid(g)).not.toThrow();
        expect(g.dLat).toBe(0.25);
        expect(g.dLon).toBe(0.25);
      }
      const covers = (g: typeof EGM96_SWEDEN_GRID, west: number, south: number, east: number, north: number) =>
        g.lon0 <= west && g.lat0 <= south && g.lon0 + g.dLon * (g.cols - 1) >= east && g.lat0 + g.dLat * (g.rows - 1) >= north;
      expect(covers(EGM96_NETHERLANDS_GRID, 2.53, 50.75, 7.22, 55.77)).toBe(true); // NAP's area of use
      expect(covers(EGM96_SWITZERLAND_GRID, 5.96, 45.82, 10.49, 47.81)).toBe(true);
      expect(covers(EGM96_SWEDEN_GRID, 10.03, 54.96, 24.17, 69.07)).toBe(true);
    });

    it.each(FIXTURE.samples.map((s) => [s.label, s] as const))("should reproduce PROJ's EGM96 geoid height at %s to 1 mm", (_label, s) => {
      expect(Math.abs(MODELS[s.region].geoidHeight(s.lon, s.lat) - s.geoidHeight)).toBeLessThan(0.001);
    });

    it("should agree with the Härnösand grid, which came from the same egm96_15 nodes", () => {
      const g = HARNOSAND_EGM96_GRID;
      for (let i = 0; i < g.rows; i++) {
        for (let j = 0; j < g.cols; j++) {
          const lat = g.lat0 + i * g.dLat;
          const lon = g.lon0 + j * g.dLon;
          expect(Math.abs(SWEDEN_EGM96_GEOID.geoidHeight(lon, lat) - g.values[i * g.cols + j]!)).toBeLessThan(0.001);
        }
      }
    });

    it('should refuse positions outside a grid', () => {
      expect(() => NAP_EGM96_GEOID.geoidHeight(8.54, 47.37)).toThrow(RangeError);
      expect(() => SWISS_EGM96_GEOID.geoidHeight(5.39, 52.16)).toThrow(RangeError);
    });
  });

  describe('geoid models by height system', () => {
    it('should map NAP, LN02, LHN95 and RH 2000 to their models', () => {
      expect(geoidModelFor('EPSG:5709')).toBe(NAP_EGM96_GEOID);
      expect(geoidModelFor('urn:ogc:def:crs:EPSG::5728')).toBe(SWISS_EGM96_GEOID);
      expect(geoidModelFor(5729)).toBe(SWISS_EGM96_GEOID);
      expect(geoidModelFor('EPSG:5613')).toBe(SWEDEN_EGM96_GEOID);
      expect(listVerticalCrsWithGeoid()).toEqual(['EPSG:5709', 'EPSG:5728', 'EPSG:5729', 'EPSG:5613']);
      expect(() => geoidModelFor('EPSG:5611')).toThrow('No geoid model for heights in "EPSG:5611": known are EPSG:5709, EPSG:5728, EPSG:5729, EPSG:5613');
    });

    it('should make NAP 0 at Amersfoort 43.30 m above the ellipsoid, and LN02 540 m at Bern 588.79 m', () => {
      expect(toEllipsoidalHeight('EPSG:5709', 5.38720621, 52.1551744, 0)).toBeCloseTo(43.297, 2);
      expect(toEllipsoidalHeight('EPSG:5728', 7.4386329, 46.9510827, 540)).toBeCloseTo(588.79, 2);
    });

    it('should state the error plainly', () => {
      expect(NAP_EGM96_GEOID.description).toBe(NAP_GEOID_NOTE);
      expect(SWISS_EGM96_GEOID.description).toBe(SWISS_GEOID_NOTE);
      expect(SWEDEN_EGM96_GEOID.description).toBe(SWEDEN_GEOID_NOTE);
      for (const phrase of ['EGM96', 'NLGEO2018', '±0.5 m', 'about 1 m']) expect(NAP_GEOID_NOTE).toContain(phrase);
      for (const phrase of ['EGM96', 'CHGeo2004', 'LHN95', '±1 m']) expect(SWISS_GEOID_NOTE).toContain(phrase);
      for (const phrase of ['EGM96', 'SWEN17_RH2000', '±0.5 m']) expect(SWEDEN_GEOID_NOTE).toContain(phrase);
    });

    it('should know the usual height system of national horizontal CRSs', () => {
      expect(usualVerticalCrs('EPSG:28992')).toBe('EPSG:5709');
      expect(usualVerticalCrs('EPSG:2056')).toBe('EPSG:5728');
      expect(usualVerticalCrs('21781')).toBe('EPSG:5728');
      expect(usualVerticalCrs('EPSG:3006')).toBe('EPSG:5613');
      expect(usualVerticalCrs('EPSG:3014')).toBe('EPSG:5613');
      expect(usualVerticalCrs('EPSG:4326')).toBeUndefined();
    });
  });

  describe('splitCrs', () => {
    it('should split registered compounds, h+v pairs and plain codes', () => {
      const rd = splitCrs('https://www.opengis.net/def/crs/EPSG/0/7415');
      expect([rd.code, rd.horizontal.code, rd.vertical?.code]).toEqual(['EPSG:7415', 'EPSG:28992', 'EPSG:5709']);
      const ch = splitCrs('EPSG:2056+5728');
      expect([ch.code, ch.horizontal.code, ch.vertical?.code]).toEqual(['EPSG:2056+5728', 'EPSG:2056', 'EPSG:5728']);
      const se = splitCrs(5853);
      expect([se.horizontal.code, se.vertical?.code]).toEqual(['EPSG:3014', 'EPSG:5613']);
      const plain = splitCrs('EPSG:28992');
      expect([plain.code, plain.horizontal.code, plain.vertical]).toEqual(['EPSG:28992', 'EPSG:28992', null]);
      const viaCompound = splitCrs('EPSG:7415+5709');
      expect(viaCompound.horizontal.code).toBe('EPSG:28992');
    });

    it('should refuse unknown codes, heights alone and a horizontal CRS as the height part', () => {
      expect(() => splitCrs('EPSG:9999')).toThrow(/^Unknown CRS "EPSG:9999": registered are EPSG:4326, .*EPSG:28992/);
      expect(() => splitCrs('EPSG:5709')).toThrow('EPSG:5709 (NAP height) is a vertical CRS: it gives heights only, not positions');
      expect(() => splitCrs('EPSG:28992+2056')).toThrow('"EPSG:28992+2056": EPSG:2056 (CH1903+ / LV95) is not a vertical CRS');
      expect(() => splitCrs('EPSG:5709+5728')).toThrow(/is a vertical CRS/);
    });
  });
});
