import { describe, expect, it, vi } from 'vitest';
import type { GeoView } from '../../../../src/engine/camera-pose';
import { createFlight, flightDuration, flightViewAt, groundDistance } from '../../../../src/engine/navigation/fly-to';

const HERE: GeoView = { lon: 17.9379, lat: 62.6323, height: 300, heading: 20, pitch: -35, fov: 50 };

/** `HERE` moved `north` and `east` metres (approximately, on a 6371 km sphere as fly-to uses). */
function offset(view: GeoView, north: number, east: number, patch: Partial<GeoView> = {}): GeoView {
  const R = 6_371_000;
  const lat = view.lat + (north / R) * (180 / Math.PI);
  const lon = view.lon + (east / (R * Math.cos(((view.lat + lat) / 2) * (Math.PI / 180)))) * (180 / Math.PI);
  return { ...view, lon, lat, ...patch };
}

function at(from: GeoView, to: GeoView, fraction: number, durationMs = 1000): GeoView {
  const flight = createFlight(from, to, 5000, durationMs, () => {});
  const out = {} as GeoView;
  flightViewAt(flight, 5000 + fraction * durationMs, out);
  return out;
}

describe('fly-to', () => {
  describe('groundDistance', () => {
    it('should measure north-south and east-west hops in metres', () => {
      expect(groundDistance(HERE, offset(HERE, 1000, 0))).toBeCloseTo(1000, 6);
      expect(groundDistance(HERE, offset(HERE, 0, 1000))).toBeCloseTo(1000, 3);
      expect(groundDistance(HERE, offset(HERE, 300, -400))).toBeCloseTo(500, 2);
    });

    it('should ignore height, heading and pitch', () => {
      expect(groundDistance(HERE, { ...HERE, height: 5000, heading: 200, pitch: 10 })).toBe(0);
    });

    it('should be symmetric', () => {
      const b = offset(HERE, 2345, -678);
      expect(groundDistance(HERE, b)).toBeCloseTo(groundDistance(b, HERE), 9);
    });
  });

  describe('flightDuration', () => {
    it('should take 0.6 s for a hop of zero length', () => {
      expect(flightDuration(HERE, HERE)).toBe(600);
    });

    it('should grow with the distance', () => {
      const d100 = flightDuration(HERE, offset(HERE, 100, 0));
      const d1000 = flightDuration(HERE, offset(HERE, 1000, 0));
      expect(d100).toBeGreaterThan(600);
      expect(d1000).toBeGreaterThan(d100);
    });

    it('should count height changes as distance', () => {
      expect(flightDuration(HERE, { ...HERE, height: HERE.height + 1000 })).toBeCloseTo(flightDuration(HERE, offset(HERE, 1000, 0)), 3);
    });

    it('should never exceed 3 s', () => {
      const regional = flightDuration(HERE, offset(HERE, 500_000, 0));
      expect(regional).toBeGreaterThan(2000);
      expect(regional).toBeLessThan(3000);
      expect(flightDuration(HERE, { ...HERE, lon: -120, lat: -40 })).toBe(3000);
    });

    it('should stay within 0.6–3 s for any hop', () => {
      for (const d of [0, 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7]) {
        const ms = flightDuration(HERE, offset(HERE, d, 0));
        expect(ms).toBeGreaterThanOrEqual(600);
        expect(ms).toBeLessThanOrEqual(3000);
      }
    });
  });

  describe('createFlight', () => {
    it('should keep its arguments', () => {
      const done = vi.fn();
      const to = offset(HERE, 50, 50);
      const f = createFlight(HERE, to, 123, 456, done);
      expect(f.from).toBe(HERE);
      expect(f.to).toBe(to);
      expect(f.startMs).toBe(123);
      expect(f.durationMs).toBe(456);
      expect(f.done).toBe(done);
    });

    it('should not arc short hops (≤ 300 m)', () => {
      expect(createFlight(HERE, offset(HERE, 200, 150), 0, 1000, () => {}).arc).toBe(0);
      expect(createFlight(HERE, { ...HERE, height: 5000 }, 0, 1000, () => {}).arc).toBe(0);
    });

    it('should arc long hops by a quarter of the distance, at most 4 km', () => {
      expect(createFlight(HERE, offset(HERE, 2000, 0), 0, 1000, () => {}).arc).toBeCloseTo(500, 3);
      expect(createFlight(HERE, offset(HERE, 100_000, 0), 0, 1000, () => {}).arc).toBe(4000);
    });
  });

  describe('flightViewAt', () => {
    const far = offset(HERE, 3000, -2000, { height: 800, heading: 300, pitch: -60, fov: 70 });

    it('should start exactly at `from` and report not arrived', () => {
      const f = createFlight(HERE, far, 1000, 2000, () => {});
      const out = {} as GeoView;
      expect(flightViewAt(f, 1000, out)).toBe(false);
      expect(out).toEqual(HERE);
    });

    it('should hold `from` before the start time', () => {
      const f = createFlight(HERE, far, 1000, 2000, () => {});
      const out = {} as GeoView;
      expect(flightViewAt(f, 0, out)).toBe(false);
      expect(out).toEqual(HERE);
    });

    it('should end at `to` and report arrived, also after the end time', () => {
      const f = createFlight(HERE, far, 1000, 2000, () => {});
      for (const now of [3000, 3001, 99_999]) {
        const out = {} as GeoView;
        expect(flightViewAt(f, now, out)).toBe(true);
        expect(out.lon).toBeCloseTo(far.lon, 12);
        expect(out.lat).toBeCloseTo(far.lat, 12);
        expect(out.height).toBeCloseTo(far.height, 9);
        expect(out.heading).toBeCloseTo(far.heading, 9);
        expect(out.pitch).toBeCloseTo(far.pitch, 12);
        expect(out.fov).toBeCloseTo(far.fov, 12);
      }
    });

    it('should arrive at once for a zero duration', () => {
      const f = createFlight(HERE, far, 1000, 0, () => {});
      const out = {} as GeoView;
      expect(flightViewAt(f, 1000, out)).toBe(true);
      expect(out.lat).toBeCloseTo(far.lat, 12);
    });

    it('should take the short way across north (350° → 10° passes 0°, not 180°)', () => {
      const a = { ...HERE, heading: 350 };
      const b = { ...HERE, heading: 10 };
      expect(at(a, b, 0.5).heading).toBeCloseTo(0, 9);
      for (const t of [0.1, 0.25, 0.4, 0.6, 0.75, 0.9]) {
        const h = at(a, b, t).heading;
        expect(h >= 350 || h <= 10).toBe(true);
      }
      expect(at(a, b, 1).heading).toBeCloseTo(10, 9);
    });

    it('should take the short way across north the other way (10° → 350°) and stay in [0, 360)', () => {
      const a = { ...HERE, heading: 10 };
      const b = { ...HERE, heading: 350 };
      expect(at(a, b, 0.5).heading).toBeCloseTo(0, 9);
      const q = at(a, b, 0.75).heading;
      expect(q).toBeGreaterThan(350);
      expect(q).toBeLessThan(360);
      expect(at(a, b, 1).heading).toBeCloseTo(350, 9);
    });

    it('should turn 359.9° → 0.1° by 0.2°, not by 359.8°', () => {
      const a = { ...HERE, heading: 359.9 };
      const b = { ...HERE, heading: 0.1 };
      const mid = at(a, b, 0.5).heading;
      expect(Math.min(mid, 360 - mid)).toBeLessThan(1e-9);
    });

    it('should normalise a heading given outside [0, 360)', () => {
      const out = at({ ...HERE, heading: -30 }, { ...HERE, heading: 400 }, 1);
      expect(out.heading).toBeCloseTo(40, 9);
    });

    it('should ease in and out (smoothstep): slow at the ends, half-way at half time', () => {
      const b = offset(HERE, 0, 0, { lat: HERE.lat + 0.01 });
      const lat = (t: number) => (at(HERE, b, t).lat - HERE.lat) / 0.01;
      expect(lat(0.5)).toBeCloseTo(0.5, 12);
      expect(lat(0.1)).toBeCloseTo(0.028, 12);
      expect(lat(0.9)).toBeCloseTo(0.972, 12);
    });

    it('should peak the arc at mid-flight for a long hop at constant height', () => {
      const to = offset(HERE, 4000, 0); // same height
      const arc = createFlight(HERE, to, 0, 1000, () => {}).arc;
      expect(arc).toBeCloseTo(1000, 2);
      const mid = at(HERE, to, 0.5).height;
      expect(mid).toBeCloseTo(HERE.height + arc, 9);
      for (const t of [0.05, 0.2, 0.35, 0.45, 0.55, 0.65, 0.8, 0.95]) {
        const h = at(HERE, to, t).height;
        expect(h).toBeGreaterThan(HERE.height);
        expect(h).toBeLessThan(mid);
      }
    });

    it('should fly a short hop straight (no extra height)', () => {
      const to = offset(HERE, 100, 100, { height: 500 });
      for (const t of [0.25, 0.5, 0.75]) {
        const h = at(HERE, to, t).height;
        const lat = (at(HERE, to, t).lat - HERE.lat) / (to.lat - HERE.lat); // eased fraction
        expect(h).toBeCloseTo(HERE.height + (500 - HERE.height) * lat, 6);
      }
    });
  });
});
