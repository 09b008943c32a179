/**
 * What a sun-hours computation needs from the scene: the triangles of the solid layers drawn on
 * one side of the comparison near the area (scene frame, from the tiles drawn now: view the
 * area closely for the finest level of detail), and the sun's positions through the local day.
 */
import { Matrix4, Vector3, type BufferGeometry, type InstancedMesh, type Mesh, type Object3D } from 'three';
import { daylight, localDay, sunDirection, sunPosition } from '../../geo';

/** Axis-aligned bounds in the ground plane, scene frame metres. */
export interface GroundBounds {
  minX: number;
  minZ: number;
  maxX: number;
  maxZ: number;
}

const _a = new Vector3();
const _b = new Vector3();
const _c = new Vector3();
const _m = new Matrix4();
const _instance = new Matrix4();

function pushTriangles(out: number[], geometry: BufferGeometry, matrix: Matrix4, b: GroundBounds): void {
  const pos = geometry.getAttribute('position');
  if (!pos) return;
  const index = geometry.getIndex();
  const count = index ? index.count : pos.count;
  for (let t = 0; t + 2 < count; t += 3) {
    const ia = index ? index.getX(t) : t;
    const ib = index ? index.getX(t + 1) : t + 1;
    const ic = index ? index.getX(t + 2) : t + 2;
    _a.fromBufferAttribute(pos, ia).applyMatrix4(matrix);
    _b.fromBufferAttribute(pos, ib).applyMatrix4(matrix);
    _c.fromBufferAttribute(pos, ic).applyMatrix4(matrix);
    if (Math.max(_a.x, _b.x, _c.x) < b.minX || Math.min(_a.x, _b.x, _c.x) > b.maxX) continue;
    if (Math.max(_a.z, _b.z, _c.z) < b.minZ || Math.min(_a.z, _b.z, _c.z) > b.maxZ) continue;
    out.push(_a.x, _a.y, _a.z, _b.x, _b.y, _b.z, _c.x, _c.y, _c.z);
  }
}

/**
 * Triangles (9 numbers each) of the meshes under `roots` within `bounds`, in the scene frame.
 * The roots' own `visible` flags are ignored (a comparison hides one side's layers between
 * frames); meshes hidden by their own flag are left out.
 */
export function collectTriangles(roots: readonly Object3D[], bounds: GroundBounds): Float32Array {
  const out: number[] = [];
  for (const root of roots) {
    root.updateMatrixWorld(true);
    root.traverse((o) => {
      if (o !== root && !o.visible) return;
      const mesh = o as Mesh;
      if (!mesh.isMesh || !mesh.geometry) return;
      const instanced = o as InstancedMesh;
      if (instanced.isInstancedMesh) {
        for (let i = 0; i < instanced.count; i++) {
          instanced.getMatrixAt(i, _instance);
          pushTriangles(out, mesh.geometry, _m.multiplyMatrices(mesh.matrixWorld, _instance), bounds);
        }
      } else pushTriangles(out, mesh.geometry, mesh.matrixWorld, bounds);
    });
  }
  return new Float32Array(out);
}

/**
 * The sun through the local day of `time` at `lon`, `lat` in `timeZone`: one position every
 * `stepMinutes` (at the middle of each step) while the sun's centre is above the horizon, as
 * `[x, y, z, hours]` (a unit vector towards the sun in the scene frame, the step's length).
 * Whole steps are counted, so sunrise and sunset are within half a step.
 */
export function sunSchedule(time: number, lon: number, lat: number, timeZone: string, stepMinutes = 10): Float32Array {
  const day = localDay(time, timeZone);
  const step = stepMinutes * 60_000;
  const out: number[] = [];
  const dir: [number, number, number] = [0, 0, 0];
  for (let t = day.start + step / 2; t < day.end; t += step) {
    const p = sunPosition(t, lon, lat);
    if (p.altitude <= 0) continue;
    sunDirection(p.altitude, p.azimuth, dir);
    out.push(dir[0], dir[1], dir[2], stepMinutes / 60);
  }
  return new Float32Array(out);
}

/** Hours between sunrise and sunset on the local day of `time` (24 in polar day, 0 in polar night). */
export function dayLength(time: number, lon: number, lat: number, timeZone: string): number {
  const d = daylight(time, lon, lat, timeZone);
  if (d.sunrise === null && d.sunset === null) return d.upAtStart ? (d.end - d.start) / 3_600_000 : 0;
  return ((d.sunset ?? d.end) - (d.sunrise ?? d.start)) / 3_600_000;
}
