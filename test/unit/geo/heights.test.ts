import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Cartesian3 } from 'cesium';
import {
  GEOID_APPROXIMATION_NOTE,
  HARNOSAND_GEOID,
  HARNOSAND_GEOID_HEIGHT,
  constantGeoid,
  createGeoidModel,
  ellipsoidalToRh2000,
  rh2000ToEllipsoidal,
} from '../../../src/geo/heights';
import { HARNOSAND_EGM96_GRID, HARNOSAND_REGIONAL_GEOID } from '../../../src/geo/geoid-harnosand';
import { bilinearSampler, type GeoidGrid } from '../../../src/geo/geoid-grid';
import { fromWgs84, getConverter } from '../../../src/geo/crs';

const HARNOSAND = { lon: 17.9379, lat: 62.6323 };

interface Egm96Fixture {
  grid: Omit<GeoidGrid, 'values'>;
  nodes: number[];
  samples: { lon: number; lat: number; geoidHeight: number }[];
}
const EGM96 = JSON.parse(
  readFileSync(new URL('../../fixtures/geo/egm96-harnosand.json', import.meta.url), 'utf8'),
) as Egm96Fixture;

/** A bilinear function, so bilinear interpolation of its node values must reproduce it exactly. */
const f = (lon: number, lat: number) => 20 + 0.8 * (lat - 62) - 1.5 * (lon - 17) + 0.3 * (lat - 62) * (lon - 17);

/** Synthetic 4 × 5 grid, south-up: 62.0–62.3°N × 17.0–17.8°E. */
function syntheticGrid(): GeoidGrid {
  const rows = 4;
  const cols = 5;
  const values: number[] = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) values.push(f(17 + 0.2 * j, 62 + 0.1 * i));
  return { lat0: 62, lon0: 17, dLat: 0.1, dLon: 0.2, rows, cols, values };
}

describe('heights', () => {
  describe('constant geoid', () => {
    it('should add and subtract the constant N', () => {
      const model = constantGeoid(22.5, 'test');
      expect(model.description).toBe('test');
      expect(rh2000ToEllipsoidal(model, 17, 62, 10)).toBe(32.5);
      expect(ellipsoidalToRh2000(model, 20, 66, 32.5)).toBe(10);
      expect(() => constantGeoid(Number.NaN, 'bad')).toThrow(TypeError);
    });

    it('should use N = 24.4 m for Härnösand and round-trip', () => {
      expect(HARNOSAND_GEOID_HEIGHT).toBe(24.4);
      expect(HARNOSAND_GEOID.geoidHeight(HARNOSAND.lon, HARNOSAND.lat)).toBe(24.4);
      const h = rh2000ToEllipsoidal(HARNOSAND_GEOID, HARNOSAND.lon, HARNOSAND.lat, 3.25);
      expect(h).toBeCloseTo(27.65, 12);
      expect(ellipsoidalToRh2000(HARNOSAND_GEOID, HARNOSAND.lon, HARNOSAND.lat, h)).toBeCloseTo(3.25, 12);
    });

    it('should agree with the regional EGM96 grid at the town centre to 5 cm', () => {
      expect(Math.abs(HARNOSAND_REGIONAL_GEOID.geoidHeight(HARNOSAND.lon, HARNOSAND.lat) - HARNOSAND_GEOID_HEIGHT)).toBeLessThan(0.05);
    });

    it('should state its error plainly', () => {
      expect(HARNOSAND_GEOID.description).toBe(GEOID_APPROXIMATION_NOTE);
      for (const phrase of ['N = 24.4 m', 'SWEN17_RH2000', 'EGM96', '±0.5 m', '±1.5 m within 20 km', 'about 20 m', 'about 37 m', '13 m']) {
        expect(GEOID_APPROXIMATION_NOTE).toContain(phrase);
      }
    });
  });

  describe('grid geoid', () => {
    it('should return node values at the nodes', () => {
      const grid = syntheticGrid();
      const model = createGeoidModel({ grid });
      for (let i = 0; i < grid.rows; i++) {
        for (let j = 0; j < grid.cols; j++) {
          expect(model.geoidHeight(17 + 0.2 * j, 62 + 0.1 * i)).toBeCloseTo(grid.values[i * grid.cols + j]!, 12);
        }
      }
    });

    it('should interpolate bilinearly between nodes (exact for a bilinear surface)', () => {
      const model = createGeoidModel({ grid: syntheticGrid(), description: 'synthetic' });
      expect(model.description).toBe('synthetic');
      for (const [lon, lat] of [[17.05, 62.01], [17.31, 62.17], [17.79, 62.29], [17.4, 62.25], [17.0, 62.3], [17.8, 62.0]]) {
        expect(model.geoidHeight(lon!, lat!)).toBeCloseTo(f(lon!, lat!), 10);
      }
    });

    it('should interpolate one cell by hand', () => {
      // 2 × 2 grid: 10 (SW), 20 (SE), 30 (NW), 50 (NE)
      const model = createGeoidModel({ grid: { lat0: 60, lon0: 15, dLat: 1, dLon: 2, rows: 2, cols: 2, values: new Float32Array([10, 20, 30, 50]) } });
      expect(model.geoidHeight(16, 60)).toBeCloseTo(15, 6); // halfway along the south edge
      expect(model.geoidHeight(15, 60.5)).toBeCloseTo(20, 6); // halfway up the west edge
      expect(model.geoidHeight(16, 60.5)).toBeCloseTo(27.5, 6); // centre: mean of the four
      expect(model.geoidHeight(16.5, 60.25)).toBeCloseTo(10 * 0.25 * 0.75 + 20 * 0.75 * 0.75 + 30 * 0.25 * 0.25 + 50 * 0.75 * 0.25, 6);
    });

    it('should read north-up grids (negative dLat) the same way', () => {
      const south = syntheticGrid();
      const values: number[] = [];
      for (let i = south.rows - 1; i >= 0; i--) for (let j = 0; j < south.cols; j++) values.push(south.values[i * south.cols + j]!);
      const north = createGeoidModel({ grid: { ...south, lat0: 62.3, dLat: -0.1, values } });
      const model = createGeoidModel({ grid: south });
      for (const [lon, lat] of [[17.05, 62.01], [17.31, 62.17], [17.79, 62.29]]) {
        expect(north.geoidHeight(lon!, lat!)).toBeCloseTo(model.geoidHeight(lon!, lat!), 10);
      }
    });

    it('should throw outside the grid by default, or return NaN, or clamp', () => {
      const grid = syntheticGrid();
      expect(() => createGeoidModel({ grid }).geoidHeight(16.9, 62.1)).toThrow(RangeError);
      expect(() => createGeoidModel({ grid }).geoidHeight(17.1, 62.31)).toThrow(/outside the grid/);
      expect(createGeoidModel({ grid, outside: 'nan' }).geoidHeight(17.1, 70)).toBeNaN();
      expect(createGeoidModel({ grid, outside: 'clamp' }).geoidHeight(17.4, 70)).toBeCloseTo(f(17.4, 62.3), 10);
      expect(() => createGeoidModel({ grid, outside: 'clamp' }).geoidHeight(Number.NaN, 62)).toThrow(RangeError);
    });

    it('should reject malformed grids', () => {
      const grid = syntheticGrid();
      expect(() => createGeoidModel({ grid: { ...grid, values: [1, 2, 3] } })).toThrow(/expected rows·cols = 20 values, got 3/);
      expect(() => createGeoidModel({ grid: { ...grid, rows: 1, values: [1, 2, 3, 4, 5] } })).toThrow(/≥ 2/);
      expect(() => createGeoidModel({ grid: { ...grid, dLon: 0 } })).toThrow(/non-zero/);
      expect(() => createGeoidModel({ grid: { ...grid, lat0: Number.NaN } })).toThrow(/lat0 must be finite/);
    });

    it('should round-trip RH 2000 ⇄ ellipsoidal with a grid model', () => {
      const model = createGeoidModel({ grid: syntheticGrid() });
      for (const H of [-5, 0, 12.345, 300]) {
        const h = rh2000ToEllipsoidal(model, 17.33, 62.12, H);
        expect(h - H).toBeCloseTo(f(17.33, 62.12), 10);
        expect(ellipsoidalToRh2000(model, 17.33, 62.12, h)).toBeCloseTo(H, 10);
      }
    });
  });

  describe('regional EGM96 grid around Härnösand', () => {
    it('should hold the node values generated from PROJ egm96_15.gtx', () => {
      const { values, ...shape } = HARNOSAND_EGM96_GRID;
      expect(shape).toEqual(EGM96.grid);
      expect([...values]).toEqual(EGM96.nodes);
    });

    it('should reproduce PROJ vgridshift EGM96 geoid heights to 1 mm', () => {
      for (const s of EGM96.samples) {
        expect(Math.abs(HARNOSAND_REGIONAL_GEOID.geoidHeight(s.lon, s.lat) - s.geoidHeight)).toBeLessThan(0.001);
      }
    });

    it('should show the east–west slope the constant ignores', () => {
      const sample = bilinearSampler(HARNOSAND_EGM96_GRID);
      const west = sample(HARNOSAND.lon - 20 / 51.4, HARNOSAND.lat);
      const east = sample(HARNOSAND.lon + 20 / 51.4, HARNOSAND.lat);
      expect(west - HARNOSAND_GEOID_HEIGHT).toBeGreaterThan(1);
      expect(west - HARNOSAND_GEOID_HEIGHT).toBeLessThan(1.5);
      expect(HARNOSAND_GEOID_HEIGHT - east).toBeGreaterThan(1);
      expect(HARNOSAND_GEOID_HEIGHT - east).toBeLessThan(1.5);
    });
  });

  describe('RH 2000 to ECEF', () => {
    it('should place an RH 2000 height in SWEREF 99 17 15 at the right ECEF position', () => {
      const [e, n] = fromWgs84(3014, HARNOSAND.lon, HARNOSAND.lat);
      const H = 15;
      const h = rh2000ToEllipsoidal(HARNOSAND_GEOID, HARNOSAND.lon, HARNOSAND.lat, H);
      const ecef = getConverter(3014, 4978).forward(e, n, h);
      const c = Cartesian3.fromDegrees(HARNOSAND.lon, HARNOSAND.lat, H + 24.4);
      expect(Math.hypot(ecef[0] - c.x, ecef[1] - c.y, ecef[2] - c.z)).toBeLessThan(0.01);
    });
  });
});
