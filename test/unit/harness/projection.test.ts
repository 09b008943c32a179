/**
 * test/e2e/harness/projection.ts against three.js: the app's camera (applyGeoView in the scene
 * frame) projects the same points to the same pixels.
 */
import { PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { applyGeoView } from '../../../src/engine/camera-pose';
import { createSceneFrame, geodeticToEcef } from '../../../src/geo';
import { canvasPointOf, centreGroundPoint, type ViewPose } from '../../e2e/harness/projection';

const ORIGIN = { lon: 17.9379, lat: 62.6323, height: 28 };
const SIZE = { width: 1280, height: 800 };

function threePixel(view: ViewPose, p: { lon: number; lat: number; height: number }): [number, number] {
  const frame = createSceneFrame(ORIGIN);
  const camera = new PerspectiveCamera(view.fov, SIZE.width / SIZE.height, 0.5, 1e6);
  applyGeoView(camera, frame, view);
  const v = new Vector3(...frame.toLocal(p.lon, p.lat, p.height)).project(camera);
  return [((v.x + 1) / 2) * SIZE.width, ((1 - v.y) / 2) * SIZE.height];
}

const VIEWS: ViewPose[] = [
  { lon: 17.9379, lat: 62.6218, height: 760, heading: 0, pitch: -38, fov: 50 },
  { lon: 17.9412, lat: 62.6301, height: 150, heading: 35, pitch: -40, fov: 50 },
  { lon: 17.95, lat: 62.64, height: 420, heading: 200, pitch: -89.9, fov: 60 },
  { lon: 17.93, lat: 62.628, height: 40, heading: 300, pitch: -5, fov: 50 },
];

describe('canvasPointOf', () => {
  it.each(VIEWS.map((v, i) => [i, v] as const))('matches three.js for view %i', (_, view) => {
    const centre = centreGroundPoint(view, 28)!;
    const points = [centre, { ...centre, height: 60 }, { lon: centre.lon + 0.001, lat: centre.lat - 0.0005, height: 35 }, { lon: centre.lon - 0.0008, lat: centre.lat + 0.0004, height: 28 }];
    for (const p of points) {
      const ours = canvasPointOf(view, SIZE, p);
      const [x, y] = threePixel(view, p);
      expect(ours.depth).toBeGreaterThan(0);
      expect(Math.abs(ours.x - x), `x of ${JSON.stringify(p)}`).toBeLessThan(0.01);
      expect(Math.abs(ours.y - y), `y of ${JSON.stringify(p)}`).toBeLessThan(0.01);
    }
  });

  it('puts the centre ground point at the canvas centre, and a point behind the camera at negative depth', () => {
    const view = VIEWS[0]!;
    const c = canvasPointOf(view, SIZE, centreGroundPoint(view, 28)!);
    expect(c.x).toBeCloseTo(640, 6);
    expect(c.y).toBeCloseTo(400, 6);
    expect(canvasPointOf(view, SIZE, { lon: view.lon, lat: view.lat - 0.01, height: 28 }).depth).toBeLessThan(0);
  });
});

describe('centreGroundPoint', () => {
  it('lands at the ground height, along the heading, at the distance the pitch gives', () => {
    const view = { lon: 17.9379, lat: 62.6218, height: 760, heading: 0, pitch: -38, fov: 50 };
    const g = centreGroundPoint(view, 28)!;
    expect(g.height).toBeCloseTo(28, 3);
    expect(g.lon).toBeCloseTo(view.lon, 6); // due north
    const [a, b] = [geodeticToEcef(view.lon, view.lat, 28), geodeticToEcef(g.lon, g.lat, 28)];
    const ground = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    expect(ground).toBeCloseTo(732 / Math.tan(38 * (Math.PI / 180)), -1); // flat-earth estimate, within ~5 m
  });

  it('is null for a view of the sky or from below the ground', () => {
    expect(centreGroundPoint({ lon: 17.9, lat: 62.6, height: 100, heading: 0, pitch: 10, fov: 50 }, 28)).toBeNull();
    expect(centreGroundPoint({ lon: 17.9, lat: 62.6, height: 10, heading: 0, pitch: -30, fov: 50 }, 28)).toBeNull();
  });
});
