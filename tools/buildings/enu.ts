/**
 * The tileset frame: east-north-up at the centre of the data. Converts pass-1 records
 * (lon/lat) to ENU metres and finds the square that the cell grid covers.
 */
import { eastNorthUpToEcef } from '../../src/geo/frame';
import { geodeticToEcef } from '../../src/geo/ellipsoid';
import type { Vec3 } from '../lib/mesh-builder';
import type { Pass1 } from './read-pass';
import type { FootprintRecord, Rings } from './records';
import type { Square } from './tiling';

export interface EnuConverter {
  /** lon/lat/height → ENU metres, written to `out`. */
  (lon: number, lat: number, h: number, out: Vec3): Vec3;
}

export function enuConverter(origin: { lon: number; lat: number; height: number }): EnuConverter {
  const m = eastNorthUpToEcef(origin);
  const tmp: Vec3 = [0, 0, 0];
  return (lon, lat, h, out) => {
    geodeticToEcef(lon, lat, h, tmp);
    const dx = tmp[0] - m[12]!;
    const dy = tmp[1] - m[13]!;
    const dz = tmp[2] - m[14]!;
    out[0] = dx * m[0]! + dy * m[1]! + dz * m[2]!;
    out[1] = dx * m[4]! + dy * m[5]! + dz * m[6]!;
    out[2] = dx * m[8]! + dy * m[9]! + dz * m[10]!;
    return out;
  };
}

/** The square (ENU) holding the lon/lat bounds: their corners and edge midpoints, plus a margin. */
export function squareOf(b: Pass1['bounds'], enu: EnuConverter): Square {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const v: Vec3 = [0, 0, 0];
  for (const lon of [b.west, (b.west + b.east) / 2, b.east]) {
    for (const lat of [b.south, (b.south + b.north) / 2, b.north]) {
      enu(lon, lat, 0, v);
      minX = Math.min(minX, v[0]);
      maxX = Math.max(maxX, v[0]);
      minY = Math.min(minY, v[1]);
      maxY = Math.max(maxY, v[1]);
    }
  }
  const side = Math.max(maxX - minX, maxY - minY) * 1.01 + 2;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  return { minX: cx - side / 2, minY: cy - side / 2, side };
}

/** A pass-1 record (lon/lat) in ENU metres, with its anchor (centroid), base height and size. */
export function toEnu(r: FootprintRecord, enu: EnuConverter): FootprintRecord {
  const v: Vec3 = [0, 0, 0];
  let zSum = 0;
  let zN = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let bestArea = -1;
  let ax = 0;
  let ay = 0;
  const polygons: Rings[] = r.polygons.map((rings) =>
    rings.map((ring, ri) => {
      const out = new Float64Array(ring.length);
      for (let i = 0; i < ring.length; i += 2) {
        enu(ring[i]!, ring[i + 1]!, r.base, v);
        out[i] = v[0];
        out[i + 1] = v[1];
        zSum += v[2];
        zN++;
        if (v[0] < minX) minX = v[0];
        if (v[0] > maxX) maxX = v[0];
        if (v[1] < minY) minY = v[1];
        if (v[1] > maxY) maxY = v[1];
      }
      if (ri === 0) {
        const c = ringCentroid(out);
        if (c.area > bestArea) {
          bestArea = c.area;
          ax = c.x;
          ay = c.y;
        }
      }
      return out;
    }),
  );
  const size = Math.max(r.height, Math.hypot(maxX - minX, maxY - minY) / 2);
  return { ...r, ax, ay, z: zSum / zN, size, polygons };
}

function ringCentroid(ring: Float64Array): { x: number; y: number; area: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  const n = ring.length;
  const x0 = ring[0]!;
  const y0 = ring[1]!;
  for (let i = 0; i < n; i += 2) {
    const j = (i + 2) % n;
    const px = ring[i]! - x0;
    const py = ring[i + 1]! - y0;
    const qx = ring[j]! - x0;
    const qy = ring[j + 1]! - y0;
    const k = px * qy - qx * py;
    a += k;
    cx += (px + qx) * k;
    cy += (py + qy) * k;
  }
  if (Math.abs(a) < 1e-12) return { x: x0, y: y0, area: 0 };
  return { x: x0 + cx / (3 * a), y: y0 + cy / (3 * a), area: Math.abs(a) / 2 };
}
