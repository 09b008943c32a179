import { describe, expect, it } from 'vitest';
import { PerspectiveCamera, Vector3 } from 'three';
import { applyGeoView, localEnuAxes, readGeoView, type GeoView } from '../../../src/engine/camera-pose';
import { createSceneFrame, geodeticNormal, type GeoOrigin, type SceneFrame } from '../../../src/geo';

const HARNOSAND: GeoOrigin = { lon: 17.9379, lat: 62.6323, height: 24.4 };
const EQUATOR: GeoOrigin = { lon: 0, lat: 0, height: 0 };

/** Metres per degree of latitude (roughly), to place points kilometres from the origin. */
const M_PER_DEG_LAT = 111_320;

/** Signed smallest difference a − b between two angles, degrees, in (−180, 180]. */
function angleDiff(a: number, b: number): number {
  const d = (((a - b) % 360) + 540) % 360 - 180;
  return d === -180 ? 180 : d;
}

function makeCamera(fov = 50): PerspectiveCamera {
  return new PerspectiveCamera(fov, 16 / 9, 0.5, 1e7);
}

function viewDirection(camera: PerspectiveCamera): Vector3 {
  return camera.getWorldDirection(new Vector3());
}

function expectRoundTrip(frame: SceneFrame, view: GeoView): void {
  const camera = makeCamera();
  applyGeoView(camera, frame, view);
  const back = readGeoView(camera, frame);
  expect(Math.abs(back.lon - view.lon)).toBeLessThan(1e-9);
  expect(Math.abs(back.lat - view.lat)).toBeLessThan(1e-9);
  expect(Math.abs(back.height - view.height)).toBeLessThan(1e-3);
  expect(Math.abs(angleDiff(back.heading, view.heading))).toBeLessThan(1e-6);
  expect(Math.abs(back.pitch - view.pitch)).toBeLessThan(1e-6);
  expect(back.fov).toBe(view.fov);
  expect(back.heading).toBeGreaterThanOrEqual(0);
  expect(back.heading).toBeLessThan(360);
}

describe('camera-pose', () => {
  describe('localEnuAxes', () => {
    it('should give the scene axes at the origin itself (east = +x, north = −z, up = +y)', () => {
      const frame = createSceneFrame(HARNOSAND);
      const east = new Vector3();
      const north = new Vector3();
      const up = new Vector3();
      localEnuAxes(frame, HARNOSAND.lon, HARNOSAND.lat, east, north, up);
      expect(east.distanceTo(new Vector3(1, 0, 0))).toBeLessThan(1e-12);
      expect(north.distanceTo(new Vector3(0, 0, -1))).toBeLessThan(1e-12);
      expect(up.distanceTo(new Vector3(0, 1, 0))).toBeLessThan(1e-12);
    });

    it('should tilt the local up 20 km north of the origin by the angle between the geodetic normals', () => {
      const frame = createSceneFrame(HARNOSAND);
      const lat = HARNOSAND.lat + 20_000 / M_PER_DEG_LAT;
      const east = new Vector3();
      const north = new Vector3();
      const up = new Vector3();
      localEnuAxes(frame, HARNOSAND.lon, lat, east, north, up);
      const n0 = geodeticNormal(HARNOSAND.lon, HARNOSAND.lat);
      const n1 = geodeticNormal(HARNOSAND.lon, lat);
      const expected = Math.acos(n0[0] * n1[0] + n0[1] * n1[1] + n0[2] * n1[2]);
      expect(expected).toBeGreaterThan(0.003); // ~0.18°: noticeably not the origin's up
      expect(Math.abs(up.angleTo(new Vector3(0, 1, 0)) - expected)).toBeLessThan(1e-9);
      // north of the origin, "up" leans north (−z)
      expect(up.z).toBeLessThan(0);
      expect(Math.abs(east.length() - 1)).toBeLessThan(1e-12);
      expect(Math.abs(east.dot(north))).toBeLessThan(1e-12);
      expect(Math.abs(north.dot(up))).toBeLessThan(1e-12);
      expect(east.clone().cross(north).distanceTo(up)).toBeLessThan(1e-12);
    });
  });

  describe('applyGeoView', () => {
    const frame = createSceneFrame(EQUATOR);

    it('should place the camera at the view position in the scene frame', () => {
      const camera = makeCamera();
      applyGeoView(camera, frame, { lon: 0, lat: 0, height: 150, heading: 0, pitch: 0 });
      expect(camera.position.distanceTo(new Vector3(0, 150, 0))).toBeLessThan(1e-6);
    });

    it('should look along −z (north) with heading 0, pitch 0 at the origin', () => {
      const camera = makeCamera();
      applyGeoView(camera, frame, { lon: 0, lat: 0, height: 10, heading: 0, pitch: 0 });
      expect(viewDirection(camera).distanceTo(new Vector3(0, 0, -1))).toBeLessThan(1e-12);
      // no roll: the camera's up is the scene's up
      const camUp = new Vector3(0, 1, 0).applyQuaternion(camera.quaternion);
      expect(camUp.distanceTo(new Vector3(0, 1, 0))).toBeLessThan(1e-12);
    });

    it('should look along +x (east) with heading 90', () => {
      const camera = makeCamera();
      applyGeoView(camera, frame, { lon: 0, lat: 0, height: 10, heading: 90, pitch: 0 });
      expect(viewDirection(camera).distanceTo(new Vector3(1, 0, 0))).toBeLessThan(1e-12);
    });

    it('should look along +z (south) with heading 180 and −x (west) with heading 270', () => {
      const camera = makeCamera();
      applyGeoView(camera, frame, { lon: 0, lat: 0, height: 10, heading: 180, pitch: 0 });
      expect(viewDirection(camera).distanceTo(new Vector3(0, 0, 1))).toBeLessThan(1e-12);
      applyGeoView(camera, frame, { lon: 0, lat: 0, height: 10, heading: 270, pitch: 0 });
      expect(viewDirection(camera).distanceTo(new Vector3(-1, 0, 0))).toBeLessThan(1e-12);
    });

    it('should look along −y (straight down) with pitch −90, with the top of the screen towards the heading', () => {
      const camera = makeCamera();
      applyGeoView(camera, frame, { lon: 0, lat: 0, height: 500, heading: 0, pitch: -90 });
      expect(viewDirection(camera).distanceTo(new Vector3(0, -1, 0))).toBeLessThan(1e-12);
      const screenUp = new Vector3(0, 1, 0).applyQuaternion(camera.quaternion);
      expect(screenUp.distanceTo(new Vector3(0, 0, -1))).toBeLessThan(1e-12);
      applyGeoView(camera, frame, { lon: 0, lat: 0, height: 500, heading: 90, pitch: -90 });
      screenUp.set(0, 1, 0).applyQuaternion(camera.quaternion);
      expect(screenUp.distanceTo(new Vector3(1, 0, 0))).toBeLessThan(1e-12);
    });

    it('should tilt the view below the horizon for a negative pitch and above it for a positive one', () => {
      const camera = makeCamera();
      applyGeoView(camera, frame, { lon: 0, lat: 0, height: 10, heading: 0, pitch: -30 });
      const down = viewDirection(camera);
      expect(down.y).toBeCloseTo(-0.5, 12);
      expect(down.z).toBeCloseTo(-Math.sqrt(3) / 2, 12);
      applyGeoView(camera, frame, { lon: 0, lat: 0, height: 10, heading: 0, pitch: 30 });
      expect(viewDirection(camera).y).toBeCloseTo(0.5, 12);
    });

    it('should set the fov (and the projection) only when given', () => {
      const camera = makeCamera(50);
      const before = camera.projectionMatrix.elements[5];
      applyGeoView(camera, frame, { lon: 0, lat: 0, height: 10, heading: 0, pitch: 0 });
      expect(camera.fov).toBe(50);
      applyGeoView(camera, frame, { lon: 0, lat: 0, height: 10, heading: 0, pitch: 0, fov: 70 });
      expect(camera.fov).toBe(70);
      expect(camera.projectionMatrix.elements[5]).not.toBe(before);
      expect(camera.projectionMatrix.elements[5]).toBeCloseTo(1 / Math.tan((35 * Math.PI) / 180), 12);
    });

    it('should measure heading and pitch at the camera, not at the origin, 20 km away', () => {
      const h = createSceneFrame(HARNOSAND);
      const lat = HARNOSAND.lat + 20_000 / M_PER_DEG_LAT;
      const camera = makeCamera();
      applyGeoView(camera, h, { lon: HARNOSAND.lon, lat, height: 300, heading: 0, pitch: -90 });
      const localDown = new Vector3();
      const east = new Vector3();
      const north = new Vector3();
      localEnuAxes(h, HARNOSAND.lon, lat, east, north, localDown);
      localDown.negate();
      expect(viewDirection(camera).distanceTo(localDown)).toBeLessThan(1e-12);
      // and that down is not the origin's −y
      expect(viewDirection(camera).angleTo(new Vector3(0, -1, 0))).toBeGreaterThan(0.003);
    });
  });

  describe('readGeoView', () => {
    const VIEWS: [string, GeoOrigin, GeoView][] = [
      ['level, north, at the origin', HARNOSAND, { lon: 17.9379, lat: 62.6323, height: 24.4, heading: 0, pitch: 0, fov: 50 }],
      ['typical oblique', HARNOSAND, { lon: 17.94, lat: 62.63, height: 450, heading: 37.5, pitch: -35, fov: 60 }],
      ['straight down, heading 0', HARNOSAND, { lon: 17.935, lat: 62.635, height: 800, heading: 0, pitch: -90, fov: 45 }],
      ['straight down, heading 123.4', HARNOSAND, { lon: 17.935, lat: 62.635, height: 800, heading: 123.4, pitch: -90, fov: 45 }],
      ['straight down, heading 270', HARNOSAND, { lon: 17.935, lat: 62.635, height: 800, heading: 270, pitch: -90, fov: 45 }],
      ['almost straight down', HARNOSAND, { lon: 17.935, lat: 62.635, height: 800, heading: 200, pitch: -89.5, fov: 45 }],
      ['looking up', HARNOSAND, { lon: 17.93, lat: 62.63, height: 5, heading: 80, pitch: 30, fov: 75 }],
      ['heading 359.9', HARNOSAND, { lon: 17.93, lat: 62.63, height: 120, heading: 359.9, pitch: -20, fov: 50 }],
      ['heading 0.05', HARNOSAND, { lon: 17.93, lat: 62.63, height: 120, heading: 0.05, pitch: -20, fov: 50 }],
      ['20 km north', HARNOSAND, { lon: 17.9379, lat: 62.6323 + 20_000 / M_PER_DEG_LAT, height: 1200, heading: 210, pitch: -25, fov: 55 }],
      ['20 km east, straight down', HARNOSAND, { lon: 17.9379 + 20_000 / (M_PER_DEG_LAT * Math.cos(62.6323 * (Math.PI / 180))), lat: 62.6323, height: 3000, heading: 45, pitch: -90, fov: 40 }],
      ['20 km south-west, looking up', HARNOSAND, { lon: 17.6, lat: 62.5, height: 60, heading: 300, pitch: 30, fov: 90 }],
      ['equator', EQUATOR, { lon: 0.01, lat: -0.01, height: 10_000, heading: 180, pitch: -60, fov: 30 }],
      ['southern hemisphere, west', { lon: -70.65, lat: -33.45, height: 570 }, { lon: -70.66, lat: -33.44, height: 900, heading: 95, pitch: -15, fov: 50 }],
    ];

    it.each(VIEWS)('should round-trip applyGeoView: %s', (_label, origin, view) => {
      expectRoundTrip(createSceneFrame(origin), view);
    });

    it('should read pitch −90 to 1e-9° for any heading and place (atan2, not asin, near the pole of the view)', () => {
      const frame = createSceneFrame(HARNOSAND);
      const camera = makeCamera();
      let seed = 12345;
      const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
      for (let i = 0; i < 500; i++) {
        const view: GeoView = {
          lon: 17.6 + rand() * 0.6,
          lat: 62.45 + rand() * 0.35,
          height: rand() * 5000,
          heading: rand() * 360,
          pitch: -90,
          fov: 50,
        };
        applyGeoView(camera, frame, view);
        const back = readGeoView(camera, frame);
        expect(Math.abs(back.pitch + 90)).toBeLessThan(1e-9);
        expect(Math.abs(angleDiff(back.heading, view.heading))).toBeLessThan(1e-6);
      }
    });

    it('should report headings in [0, 360) for negative or large inputs', () => {
      const frame = createSceneFrame(HARNOSAND);
      const camera = makeCamera();
      applyGeoView(camera, frame, { lon: 17.94, lat: 62.63, height: 100, heading: -90, pitch: -10 });
      expect(readGeoView(camera, frame).heading).toBeCloseTo(270, 6);
      applyGeoView(camera, frame, { lon: 17.94, lat: 62.63, height: 100, heading: 450, pitch: -10 });
      expect(readGeoView(camera, frame).heading).toBeCloseTo(90, 6);
    });

    it('should write into and return the `out` object', () => {
      const frame = createSceneFrame(HARNOSAND);
      const camera = makeCamera(42);
      applyGeoView(camera, frame, { lon: 17.94, lat: 62.63, height: 100, heading: 10, pitch: -10 });
      const out: Partial<GeoView> = {};
      const result = readGeoView(camera, frame, out);
      expect(result).toBe(out);
      expect(out.fov).toBe(42);
      expect(out.height).toBeCloseTo(100, 3);
    });

    it('should read a camera moved by hand (not by applyGeoView)', () => {
      const frame = createSceneFrame(EQUATOR);
      const camera = makeCamera();
      camera.position.set(0, 200, 0);
      camera.lookAt(new Vector3(100, 200, 0)); // due east, level
      const v = readGeoView(camera, frame);
      expect(v.heading).toBeCloseTo(90, 6);
      expect(v.pitch).toBeCloseTo(0, 6);
      expect(v.height).toBeCloseTo(200, 3);
      camera.lookAt(new Vector3(0, 100, 100)); // south, 45° down
      const w = readGeoView(camera, frame);
      expect(w.heading).toBeCloseTo(180, 6);
      expect(w.pitch).toBeCloseTo(-45, 6);
    });
  });
});
