import { describe, expect, it } from 'vitest';
import { Euler, PerspectiveCamera, Plane, Quaternion, Ray, Vector3 } from 'three';
import {
  MAX_PITCH,
  MIN_PITCH,
  cameraPitch,
  dolly,
  look,
  moveHorizontally,
  orbit,
  panToKeepUnder,
} from '../../../../src/engine/navigation/camera-moves';

const UP = new Vector3(0, 1, 0);
const DEG = Math.PI / 180;

/** A camera at `position` looking at `target` (scene frame: x east, y up, z south). */
function cameraLookingAt(position: Vector3, target: Vector3): PerspectiveCamera {
  const camera = new PerspectiveCamera(50, 1.5, 0.5, 1e6);
  camera.position.copy(position);
  camera.lookAt(target);
  camera.updateMatrixWorld();
  return camera;
}

/** A camera at `position` with heading/pitch in degrees (heading clockwise from north = −z). */
function cameraWithPose(position: Vector3, headingDeg: number, pitchDeg: number): PerspectiveCamera {
  const camera = new PerspectiveCamera(50, 1.5, 0.5, 1e6);
  camera.position.copy(position);
  camera.quaternion.setFromEuler(new Euler(pitchDeg * DEG, -headingDeg * DEG, 0, 'YXZ'));
  camera.updateMatrixWorld();
  return camera;
}

function direction(camera: PerspectiveCamera): Vector3 {
  return camera.getWorldDirection(new Vector3());
}

/** Heading of the view, radians clockwise from north (−z). */
function heading(camera: PerspectiveCamera): number {
  const f = direction(camera);
  return Math.atan2(f.x, -f.z);
}

/** Roll: how far the camera's right axis leaves the horizontal plane. */
function roll(camera: PerspectiveCamera): number {
  const right = new Vector3(1, 0, 0).applyQuaternion(camera.quaternion);
  return Math.asin(right.dot(UP));
}

describe('camera-moves', () => {
  describe('cameraPitch', () => {
    it('should be negative looking down, zero level and positive looking up', () => {
      expect(cameraPitch(cameraWithPose(new Vector3(), 30, -40), UP)).toBeCloseTo(-40 * DEG, 12);
      expect(cameraPitch(cameraWithPose(new Vector3(), 30, 0), UP)).toBeCloseTo(0, 12);
      expect(cameraPitch(cameraWithPose(new Vector3(), 30, 25), UP)).toBeCloseTo(25 * DEG, 12);
    });

    it('should measure against the given up, not the scene y axis', () => {
      const camera = cameraWithPose(new Vector3(), 0, 0); // looking along −z
      const tiltedUp = new Vector3(0, Math.cos(10 * DEG), Math.sin(10 * DEG)); // leaning south
      expect(cameraPitch(camera, tiltedUp)).toBeCloseTo(-10 * DEG, 12);
    });
  });

  describe('orbit', () => {
    const pivot = new Vector3(20, 5, -30);
    const start = () => cameraLookingAt(new Vector3(20, 105, 70), pivot); // 100 m south, 100 m up: pitch −45°

    it('should keep the distance to the pivot', () => {
      const camera = start();
      const d0 = camera.position.distanceTo(pivot);
      orbit(camera, pivot, UP, 0.7, 0.2);
      expect(camera.position.distanceTo(pivot)).toBeCloseTo(d0, 9);
      orbit(camera, pivot, UP, -2.1, -0.4);
      expect(camera.position.distanceTo(pivot)).toBeCloseTo(d0, 9);
    });

    it('should keep the pivot on the view axis', () => {
      const camera = start();
      orbit(camera, pivot, UP, 0.9, 0.3);
      const toPivot = pivot.clone().sub(camera.position).normalize();
      expect(direction(camera).distanceTo(toPivot)).toBeLessThan(1e-12);
    });

    it('should turn the view to the right (heading increases) for a positive dHeading', () => {
      const camera = start();
      const h0 = heading(camera);
      expect(h0).toBeCloseTo(0, 12);
      orbit(camera, pivot, UP, 0.25, 0);
      expect(heading(camera)).toBeCloseTo(0.25, 12);
      // the camera swings around to the west-south side: looking north-east
      expect(camera.position.x).toBeLessThan(pivot.x);
      orbit(camera, pivot, UP, -0.5, 0);
      expect(heading(camera)).toBeCloseTo(-0.25, 12);
    });

    it('should keep the height for a pure heading change', () => {
      const camera = start();
      orbit(camera, pivot, UP, 1.3, 0);
      expect(camera.position.y).toBeCloseTo(105, 9);
    });

    it('should raise the view (and lower the camera) for a positive dPitch', () => {
      const camera = start();
      orbit(camera, pivot, UP, 0, 10 * DEG);
      expect(cameraPitch(camera, UP)).toBeCloseTo(-35 * DEG, 12);
      expect(camera.position.y).toBeLessThan(105);
      orbit(camera, pivot, UP, 0, -20 * DEG);
      expect(cameraPitch(camera, UP)).toBeCloseTo(-55 * DEG, 12);
    });

    it('should keep roll at zero', () => {
      const camera = start();
      orbit(camera, pivot, UP, 0.4, 0.2);
      orbit(camera, pivot, UP, -1.1, -0.3);
      orbit(camera, pivot, UP, 2.2, 0.1);
      expect(Math.abs(roll(camera))).toBeLessThan(1e-12);
    });

    it('should stop at MAX_PITCH when a large dPitch overshoots it', () => {
      const camera = start();
      orbit(camera, pivot, UP, 0, 80 * DEG);
      expect(cameraPitch(camera, UP)).toBeCloseTo(MAX_PITCH, 9);
      expect(camera.position.distanceTo(pivot)).toBeCloseTo(Math.hypot(100, 100), 9);
      // and no further
      orbit(camera, pivot, UP, 0, 10 * DEG);
      expect(cameraPitch(camera, UP)).toBeCloseTo(MAX_PITCH, 9);
    });

    it('should stop at MIN_PITCH when a large negative dPitch overshoots it', () => {
      const camera = start();
      orbit(camera, pivot, UP, 0, -80 * DEG);
      expect(cameraPitch(camera, UP)).toBeCloseTo(MIN_PITCH, 9);
      orbit(camera, pivot, UP, 0, -10 * DEG);
      expect(cameraPitch(camera, UP)).toBeCloseTo(MIN_PITCH, 9);
      // and can come back up
      orbit(camera, pivot, UP, 0, 30 * DEG);
      expect(cameraPitch(camera, UP)).toBeCloseTo(MIN_PITCH + 30 * DEG, 9);
    });

    it('should bring a camera looking above MAX_PITCH back into range on the next move', () => {
      const camera = cameraWithPose(new Vector3(0, 10, 0), 0, 20);
      const p = camera.position.clone().add(direction(camera).multiplyScalar(100)); // on the view axis
      orbit(camera, p, UP, 0, 5 * DEG);
      expect(cameraPitch(camera, UP)).toBeCloseTo(MAX_PITCH, 9);
    });

    it('should snap a camera above MAX_PITCH to the limit, then apply a downward dPitch', () => {
      const camera = cameraWithPose(new Vector3(0, 10, 0), 0, 20);
      const p = camera.position.clone().add(direction(camera).multiplyScalar(100));
      orbit(camera, p, UP, 0, -5 * DEG);
      expect(cameraPitch(camera, UP)).toBeCloseTo(MAX_PITCH - 5 * DEG, 9);
      expect(camera.position.distanceTo(p)).toBeCloseTo(100, 9);
    });

    it('should have MIN_PITCH a hair above straight down and MAX_PITCH just below the horizon', () => {
      expect(MIN_PITCH).toBeCloseTo(-89.9 * DEG, 12);
      expect(MAX_PITCH).toBeCloseTo(-1 * DEG, 12);
    });
  });

  describe('look', () => {
    it('should rotate in place: heading about up, pitch about the right axis', () => {
      const camera = cameraWithPose(new Vector3(3, 40, -7), 10, -20);
      look(camera, UP, 30 * DEG, 15 * DEG);
      expect(camera.position.toArray()).toEqual([3, 40, -7]);
      expect(heading(camera)).toBeCloseTo(40 * DEG, 12);
      expect(cameraPitch(camera, UP)).toBeCloseTo(-5 * DEG, 12);
      expect(Math.abs(roll(camera))).toBeLessThan(1e-12);
    });

    it('should clamp the pitch to ±89.5°', () => {
      const camera = cameraWithPose(new Vector3(), 0, 0);
      look(camera, UP, 0, 120 * DEG);
      expect(cameraPitch(camera, UP)).toBeCloseTo(89.5 * DEG, 9);
      look(camera, UP, 0, -300 * DEG);
      expect(cameraPitch(camera, UP)).toBeCloseTo(-89.5 * DEG, 9);
      // heading survives the trip near the pole
      expect(heading(camera)).toBeCloseTo(0, 9);
    });
  });

  describe('dolly', () => {
    const target = new Vector3(10, 0, 10);

    it('should scale the distance to the target by the factor, along the same line', () => {
      const camera = cameraLookingAt(new Vector3(10, 60, 90), target); // 100 m away
      const dir0 = camera.position.clone().sub(target).normalize();
      dolly(camera, target, 0.5, 1);
      expect(camera.position.distanceTo(target)).toBeCloseTo(50, 9);
      expect(camera.position.clone().sub(target).normalize().distanceTo(dir0)).toBeLessThan(1e-12);
      dolly(camera, target, 3, 1);
      expect(camera.position.distanceTo(target)).toBeCloseTo(150, 9);
    });

    it('should not come closer than minDistance', () => {
      const camera = cameraLookingAt(new Vector3(10, 60, 90), target);
      dolly(camera, target, 0.01, 5);
      expect(camera.position.distanceTo(target)).toBeCloseTo(5, 9);
      dolly(camera, target, 0.5, 5);
      expect(camera.position.distanceTo(target)).toBeCloseTo(5, 9);
    });

    it('should move away to minDistance when already closer than it', () => {
      const camera = cameraLookingAt(new Vector3(10, 1, 10), target);
      dolly(camera, target, 0.9, 2);
      expect(camera.position.distanceTo(target)).toBeCloseTo(2, 9);
    });

    it('should leave a camera sitting on the target where it is (no NaN)', () => {
      const camera = cameraLookingAt(new Vector3(10, 0, 10), new Vector3(10, -1, 0));
      dolly(camera, target, 0.5, 2);
      expect(camera.position.toArray()).toEqual([10, 0, 10]);
    });

    it('should not change the orientation', () => {
      const camera = cameraLookingAt(new Vector3(10, 60, 90), target);
      const q = camera.quaternion.clone();
      dolly(camera, target, 0.3, 1);
      expect(camera.quaternion.equals(q)).toBe(true);
    });
  });

  describe('panToKeepUnder', () => {
    it('should move the camera so that the ray hits the grab point again', () => {
      const camera = cameraLookingAt(new Vector3(0, 100, 100), new Vector3(0, 0, 0));
      const grab = new Vector3(0, 0, 0);
      const plane = new Plane(UP.clone(), -grab.y);
      // the cursor moved: the ray through it now hits (12, 0, −8)
      const aim = new Vector3(12, 0, -8);
      const ray = new Ray(camera.position.clone(), aim.clone().sub(camera.position).normalize());
      expect(panToKeepUnder(camera, grab, plane, ray, 10_000)).toBe(true);
      expect(camera.position.y).toBeCloseTo(100, 9);
      const after = new Ray(camera.position.clone(), ray.direction.clone());
      const hit = after.intersectPlane(plane, new Vector3());
      expect(hit).not.toBeNull();
      expect(hit!.distanceTo(grab)).toBeLessThan(1e-9);
      expect(camera.position.x).toBeCloseTo(-12, 9);
      expect(camera.position.z).toBeCloseTo(108, 9);
    });

    it('should work on a plane above zero (grab on a roof)', () => {
      const camera = cameraLookingAt(new Vector3(0, 100, 100), new Vector3(0, 30, 0));
      const grab = new Vector3(5, 30, 5);
      const plane = new Plane(UP.clone(), -grab.y);
      const ray = new Ray(camera.position.clone(), new Vector3(-3, 30, 1).sub(camera.position).normalize());
      expect(panToKeepUnder(camera, grab, plane, ray, 10_000)).toBe(true);
      const hit = new Ray(camera.position.clone(), ray.direction.clone()).intersectPlane(plane, new Vector3());
      expect(hit!.distanceTo(grab)).toBeLessThan(1e-9);
    });

    it('should refuse a grazing ray whose hit lies beyond maxDistance, leaving the camera alone', () => {
      const camera = cameraLookingAt(new Vector3(0, 100, 100), new Vector3(0, 0, 0));
      const before = camera.position.clone();
      const plane = new Plane(UP.clone(), 0);
      const grazing = new Ray(camera.position.clone(), new Vector3(0, -0.001, -1).normalize()); // hits 100 km away
      expect(panToKeepUnder(camera, new Vector3(), plane, grazing, 5_000)).toBe(false);
      expect(camera.position.equals(before)).toBe(true);
      // the same ray is accepted with a larger limit
      expect(panToKeepUnder(camera, new Vector3(), plane, grazing, 200_000)).toBe(true);
      expect(camera.position.equals(before)).toBe(false);
    });

    it('should refuse a ray that points away from the plane', () => {
      const camera = cameraLookingAt(new Vector3(0, 100, 100), new Vector3(0, 0, 0));
      const before = camera.position.clone();
      const skyward = new Ray(camera.position.clone(), new Vector3(0, 0.5, -1).normalize());
      expect(panToKeepUnder(camera, new Vector3(), new Plane(UP.clone(), 0), skyward, 1e9)).toBe(false);
      expect(camera.position.equals(before)).toBe(true);
    });
  });

  describe('moveHorizontally', () => {
    it('should move along the heading and to the right, keeping the height', () => {
      const camera = cameraWithPose(new Vector3(0, 50, 0), 0, -45);
      moveHorizontally(camera, UP, 10, 0);
      expect(camera.position.x).toBeCloseTo(0, 9);
      expect(camera.position.y).toBeCloseTo(50, 9);
      expect(camera.position.z).toBeCloseTo(-10, 9);
      moveHorizontally(camera, UP, 0, 4);
      expect(camera.position.x).toBeCloseTo(4, 9);
      expect(camera.position.y).toBeCloseTo(50, 9);
      expect(camera.position.z).toBeCloseTo(-10, 9);
    });

    it('should move east for heading 90 and back with negative amounts', () => {
      const camera = cameraWithPose(new Vector3(0, 50, 0), 90, -30);
      moveHorizontally(camera, UP, 7, 0);
      expect(camera.position.x).toBeCloseTo(7, 9);
      expect(camera.position.y).toBeCloseTo(50, 9);
      moveHorizontally(camera, UP, -7, -3);
      expect(camera.position.x).toBeCloseTo(0, 9);
      expect(camera.position.z).toBeCloseTo(-3, 9); // right of east is south (+z); left is north
    });

    it('should take the top of the screen as forward when looking straight down', () => {
      const camera = cameraWithPose(new Vector3(0, 300, 0), 0, -90);
      expect(direction(camera).distanceTo(new Vector3(0, -1, 0))).toBeLessThan(1e-12);
      moveHorizontally(camera, UP, 20, 0);
      expect(camera.position.z).toBeCloseTo(-20, 9);
      expect(camera.position.y).toBeCloseTo(300, 9);
      const east = cameraWithPose(new Vector3(0, 300, 0), 90, -90);
      moveHorizontally(east, UP, 20, 5);
      expect(east.position.x).toBeCloseTo(20, 9);
      expect(east.position.z).toBeCloseTo(5, 9);
      expect(east.position.y).toBeCloseTo(300, 9);
    });

    it('should move along a tilted up too (far from the origin)', () => {
      const up = new Vector3(0.01, 1, -0.02).normalize();
      const camera = cameraWithPose(new Vector3(1000, 20, -2000), 45, -20);
      const before = camera.position.clone();
      moveHorizontally(camera, up, 30, -12);
      const delta = camera.position.clone().sub(before);
      expect(delta.dot(up)).toBeCloseTo(0, 9);
      expect(delta.length()).toBeCloseTo(Math.hypot(30, 12), 9);
    });

    it('should not turn the camera', () => {
      const camera = cameraWithPose(new Vector3(0, 50, 0), 33, -45);
      const q = new Quaternion().copy(camera.quaternion);
      moveHorizontally(camera, UP, 10, 3);
      expect(camera.quaternion.equals(q)).toBe(true);
    });
  });
});
