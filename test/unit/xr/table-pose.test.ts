import { Object3D, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { applyTablePose, grabTablePose, roomPointOf, tableSizeFor, type TablePose } from '../../../src/xr/table-pose';

const pose = (x: number, y: number, z: number, yaw: number, size: number): TablePose => ({ position: new Vector3(x, y, z), yaw, size });

describe('table pose', () => {
  describe('tableSizeFor', () => {
    it('should show a district of the given width at the table width', () => {
      expect(tableSizeFor(1500, 1.5)).toBeCloseTo(0.001, 12);
      expect(tableSizeFor(0)).toBe(1);
    });
  });

  describe('applyTablePose', () => {
    it('should make the XR origin map room points back to the world points shown there', () => {
      const centre = new Vector3(120, -1.7, -40);
      const p = pose(0.3, 0.8, -1.1, 0.7, 1 / 900);
      const origin = new Object3D();
      applyTablePose(p, centre, origin);
      expect(origin.scale.x).toBeCloseTo(900, 6);
      // the table-top centre is the district centre
      const world = new Vector3(0.3, 0.8, -1.1).applyMatrix4(origin.matrixWorld);
      expect(world.distanceTo(centre)).toBeLessThan(1e-6);
      // any world point round-trips through roomPointOf and the origin
      const w = new Vector3(400, 12, 250);
      const room = roomPointOf(p, centre, w, new Vector3());
      expect(room.clone().applyMatrix4(origin.matrixWorld).distanceTo(w)).toBeLessThan(1e-6);
      // 900 world metres are 1 room metre
      const a = roomPointOf(p, centre, new Vector3(0, 0, 0), new Vector3());
      const b = roomPointOf(p, centre, new Vector3(900, 0, 0), new Vector3());
      expect(a.distanceTo(b)).toBeCloseTo(1, 9);
    });

    it('should turn the model by yaw about the vertical (north, −z, turns towards −x for positive yaw)', () => {
      const centre = new Vector3();
      const p = pose(0, 0.8, 0, Math.PI / 2, 0.01);
      const north = roomPointOf(p, centre, new Vector3(0, 0, -100), new Vector3());
      expect(north.x).toBeCloseTo(-1, 9);
      expect(north.z).toBeCloseTo(0, 9);
      expect(north.y).toBeCloseTo(0.8, 9);
    });
  });

  describe('grabTablePose', () => {
    it('should carry the model with one hand and turn it about the hand', () => {
      const start = { pose: pose(0, 0.8, -1, 0, 0.001), hands: [new Vector3(0.2, 1, -0.5)], handYaw: 0 };
      const out = pose(0, 0, 0, 0, 0);
      grabTablePose(start, [new Vector3(0.5, 1.1, -0.5)], 0, out);
      expect(out.position.x).toBeCloseTo(0.3, 9);
      expect(out.position.y).toBeCloseTo(0.9, 9);
      expect(out.position.z).toBeCloseTo(-1, 9);
      expect(out.yaw).toBe(0);
      expect(out.size).toBe(0.001);
      // a quarter turn of the hand turns the model a quarter turn about the hand
      grabTablePose(start, [new Vector3(0.2, 1, -0.5)], Math.PI / 2, out);
      expect(out.yaw).toBeCloseTo(Math.PI / 2, 12);
      // (0, 0.8, −1) − hand = (−0.2, −0.2, −0.5); turned +90° about y: (−0.5, −0.2, 0.2)
      expect(out.position.x).toBeCloseTo(0.2 - 0.5, 9);
      expect(out.position.y).toBeCloseTo(0.8, 9);
      expect(out.position.z).toBeCloseTo(-0.5 + 0.2, 9);
    });

    it('should scale with the distance between two hands and keep the point between them', () => {
      const start = { pose: pose(0, 0.8, -1, 0, 0.001), hands: [new Vector3(-0.2, 1, -1), new Vector3(0.2, 1, -1)], handYaw: 0 };
      const out = pose(0, 0, 0, 0, 0);
      grabTablePose(start, [new Vector3(-0.4, 1, -1), new Vector3(0.4, 1, -1)], 0, out);
      expect(out.size).toBeCloseTo(0.002, 12);
      expect(out.yaw).toBeCloseTo(0, 12);
      expect(out.position.x).toBeCloseTo(0, 9);
      expect(out.position.z).toBeCloseTo(-1, 9);
      // turning the pair a quarter turn turns the model
      grabTablePose(start, [new Vector3(0, 1, -0.8), new Vector3(0, 1, -1.2)], 0, out);
      expect(Math.abs(out.yaw)).toBeCloseTo(Math.PI / 2, 9);
      expect(out.size).toBeCloseTo(0.001, 12);
    });
  });
});
