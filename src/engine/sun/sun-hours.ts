/**
 * Sun hours: how many hours of direct sun each point of an area on the ground gets in a day,
 * for one or more versions of the scene (today, the proposal). Pure arithmetic on typed
 * arrays (no three.js), run in a Web Worker (`sun-hours.worker.ts`).
 *
 * Method: the surfaces around the area (everything solid, and the ground alone) are
 * rasterised into height fields (the highest surface per cell, `cell` metres square). Each
 * sample point of the area sits on the ground; for each sun position of the day a ray is
 * marched from the point towards the sun through the height field, half a cell at a time,
 * until something stands above the ray (shade) or the ray rises above everything (sun).
 * Exact for buildings and terrain seen from above (2.5D: overhangs and arcades count as
 * solid to the ground); obstacles farther than `reach` from the area are not seen.
 */

/** One version of the scene: its triangles (x, y, z per corner, 9 numbers each; scene frame, metres). */
export interface SunHoursSide {
  id: string;
  /** Every solid surface: buildings and terrain. */
  solid: Float32Array;
  /** The ground alone (terrain, streets): where sample points stand. */
  ground: Float32Array;
}

export interface SunHoursInput {
  /** The area's outline in the scene frame's ground plane, `[x, z]` metres. */
  polygon: readonly (readonly [number, number])[];
  /** Distance between sample points, metres. */
  spacing: number;
  /** Height-field cell size, metres. */
  cell: number;
  /** How far around the area obstacles are looked for, metres. */
  reach: number;
  /** Ground height where no ground surface lies (the scene's ground plane), scene y. */
  groundFallback: number;
  /** Sun positions of the day: `[x, y, z, hours]` each, a unit vector towards the sun and the time it stands for. */
  suns: Float32Array;
  sides: SunHoursSide[];
}

export interface SunHoursGrid {
  /** Corner of the first sample cell (its low x, low z), scene frame metres. */
  x0: number;
  z0: number;
  spacing: number;
  nx: number;
  nz: number;
  /** Ground height of each sample (row-major, x fastest); NaN outside the area. */
  groundY: Float32Array;
  /** Hours of direct sun per sample and side; NaN outside the area or under a building. */
  hours: Record<string, Float32Array>;
  /** Samples inside the area. */
  samples: number;
}

/** A sample whose solid surface stands this far above the ground is under a building, metres. */
const COVERED = 0.5;
/** Sample points sit this far above the ground (grass, the paving's texture), metres. */
const EYE = 0.05;

/** Cells per side of a block of the coarse maximum grid that lets rays skip open space. */
const BLOCK = 16;

interface HeightField {
  x0: number;
  z0: number;
  cell: number;
  nx: number;
  nz: number;
  top: Float32Array;
  max: number;
  /** Highest surface per block of BLOCK × BLOCK cells. */
  blockMax: Float32Array;
  bx: number;
  bz: number;
}

function heightField(x0: number, z0: number, x1: number, z1: number, cell: number): HeightField {
  const nx = Math.max(1, Math.ceil((x1 - x0) / cell));
  const nz = Math.max(1, Math.ceil((z1 - z0) / cell));
  const bx = Math.ceil(nx / BLOCK);
  const bz = Math.ceil(nz / BLOCK);
  return { x0, z0, cell, nx, nz, top: new Float32Array(nx * nz).fill(-Infinity), max: -Infinity, blockMax: new Float32Array(bx * bz).fill(-Infinity), bx, bz };
}

/** Writes the highest point of each triangle over each cell centre it covers. */
function rasterise(field: HeightField, tris: Float32Array): void {
  const { x0, z0, cell, nx, nz, top } = field;
  for (let t = 0; t + 8 < tris.length; t += 9) {
    const ax = tris[t]!, ay = tris[t + 1]!, az = tris[t + 2]!;
    const bx = tris[t + 3]!, by = tris[t + 4]!, bz = tris[t + 5]!;
    const cx = tris[t + 6]!, cy = tris[t + 7]!, cz = tris[t + 8]!;
    const det = (bx - ax) * (cz - az) - (cx - ax) * (bz - az);
    if (Math.abs(det) < 1e-9) continue; // vertical: the roofs and ground around it cover it
    const i0 = Math.max(0, Math.floor((Math.min(ax, bx, cx) - x0) / cell - 0.5));
    const i1 = Math.min(nx - 1, Math.ceil((Math.max(ax, bx, cx) - x0) / cell - 0.5));
    const j0 = Math.max(0, Math.floor((Math.min(az, bz, cz) - z0) / cell - 0.5));
    const j1 = Math.min(nz - 1, Math.ceil((Math.max(az, bz, cz) - z0) / cell - 0.5));
    const inv = 1 / det;
    for (let j = j0; j <= j1; j++) {
      const pz = z0 + (j + 0.5) * cell;
      for (let i = i0; i <= i1; i++) {
        const px = x0 + (i + 0.5) * cell;
        // barycentric weights of b and c
        const wb = ((px - ax) * (cz - az) - (cx - ax) * (pz - az)) * inv;
        const wc = ((bx - ax) * (pz - az) - (px - ax) * (bz - az)) * inv;
        const wa = 1 - wb - wc;
        if (wa < -1e-6 || wb < -1e-6 || wc < -1e-6) continue;
        const y = wa * ay + wb * by + wc * cy;
        const k = j * nx + i;
        if (y > top[k]!) top[k] = y;
      }
    }
  }
  let max = -Infinity;
  const { blockMax, bx } = field;
  for (let j = 0; j < nz; j++) {
    for (let i = 0; i < nx; i++) {
      const h = top[j * nx + i]!;
      if (h > max) max = h;
      const b = Math.floor(j / BLOCK) * bx + Math.floor(i / BLOCK);
      if (h > blockMax[b]!) blockMax[b] = h;
    }
  }
  field.max = max;
}

function heightAt(field: HeightField, x: number, z: number): number {
  const i = Math.floor((x - field.x0) / field.cell);
  const j = Math.floor((z - field.z0) / field.cell);
  if (i < 0 || j < 0 || i >= field.nx || j >= field.nz) return -Infinity;
  return field.top[j * field.nx + i]!;
}

function inside(polygon: SunHoursInput['polygon'], x: number, z: number): boolean {
  let on = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a[1] > z !== b[1] > z && x < ((b[0] - a[0]) * (z - a[1])) / (b[1] - a[1]) + a[0]) on = !on;
  }
  return on;
}

/**
 * Whether a ray from (x, y, z) towards the sun (unit `dx, dy, dz`) leaves `field` unblocked.
 * It steps half a cell at a time, and jumps to the next block wherever it passes over a
 * block's highest surface.
 */
function sunlit(field: HeightField, x: number, y: number, z: number, dx: number, dy: number, dz: number, reach: number): boolean {
  const horizontal = Math.hypot(dx, dz);
  if (horizontal < 1e-9) return true; // the sun straight overhead
  const ux = dx / horizontal;
  const uz = dz / horizontal;
  const rise = dy / horizontal; // metres up per metre along the ground
  const { cell, x0, z0, bx, bz, blockMax } = field;
  const step = cell / 2;
  const blockSize = cell * BLOCK;
  let t = step * 1.5;
  while (t <= reach) {
    const h = y + t * rise;
    if (h > field.max) return true;
    const px = x + ux * t;
    const pz = z + uz * t;
    const bi = Math.floor((px - x0) / blockSize);
    const bj = Math.floor((pz - z0) / blockSize);
    if (bi < 0 || bj < 0 || bi >= bx || bj >= bz) return true; // left the field
    if (blockMax[bj * bx + bi]! < h) {
      // nothing in this block reaches the ray (which only rises): on to where it leaves the block
      const ex = ux > 0 ? (x0 + (bi + 1) * blockSize - px) / ux : ux < 0 ? (x0 + bi * blockSize - px) / ux : Infinity;
      const ez = uz > 0 ? (z0 + (bj + 1) * blockSize - pz) / uz : uz < 0 ? (z0 + bj * blockSize - pz) / uz : Infinity;
      t += Math.min(ex, ez) + 1e-6;
      continue;
    }
    if (heightAt(field, px, pz) > h) return false;
    t += step;
  }
  return true;
}

/** The bounds of a ground-plane polygon (`[x, z]`). */
export function polygonBounds(polygon: readonly (readonly [number, number])[]): { minX: number; minZ: number; maxX: number; maxZ: number } {
  let minX = Infinity, minZ = Infinity, maxX = -Infinity, maxZ = -Infinity;
  for (const [x, z] of polygon) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minZ = Math.min(minZ, z);
    maxZ = Math.max(maxZ, z);
  }
  return { minX, minZ, maxX, maxZ };
}

export function computeSunHours(input: SunHoursInput): SunHoursGrid {
  const { polygon, spacing, cell, reach, suns } = input;
  const { minX, minZ, maxX, maxZ } = polygonBounds(polygon);
  const nx = Math.max(1, Math.ceil((maxX - minX) / spacing));
  const nz = Math.max(1, Math.ceil((maxZ - minZ) / spacing));
  const x0 = minX;
  const z0 = minZ;
  const n = nx * nz;
  const groundY = new Float32Array(n).fill(NaN);
  const hours: Record<string, Float32Array> = {};
  let samples = 0;

  // where the samples are (the same for every side, on the first side's ground)
  const inArea = new Uint8Array(n);
  for (let j = 0; j < nz; j++) {
    for (let i = 0; i < nx; i++) {
      if (inside(polygon, x0 + (i + 0.5) * spacing, z0 + (j + 0.5) * spacing)) {
        inArea[j * nx + i] = 1;
        samples++;
      }
    }
  }

  input.sides.forEach((side, s) => {
    const solid = heightField(minX - reach, minZ - reach, maxX + reach, maxZ + reach, cell);
    rasterise(solid, side.solid);
    const ground = heightField(minX, minZ, maxX + cell, maxZ + cell, cell);
    rasterise(ground, side.ground);
    const out = new Float32Array(n).fill(NaN);
    for (let k = 0; k < n; k++) {
      if (!inArea[k]) continue;
      const x = x0 + ((k % nx) + 0.5) * spacing;
      const z = z0 + (Math.floor(k / nx) + 0.5) * spacing;
      const g0 = heightAt(ground, x, z);
      const g = g0 > -Infinity ? g0 : input.groundFallback;
      if (s === 0) groundY[k] = g;
      if (heightAt(solid, x, z) > g + COVERED) continue; // under a building
      let lit = 0;
      for (let q = 0; q + 3 < suns.length; q += 4) {
        if (sunlit(solid, x, g + EYE, z, suns[q]!, suns[q + 1]!, suns[q + 2]!, reach)) lit += suns[q + 3]!;
      }
      out[k] = lit;
    }
    hours[side.id] = out;
  });
  return { x0, z0, spacing, nx, nz, groundY, hours, samples };
}

/** Summary figures of one side's hours: mean, extremes and the share of the open area with at least `threshold` hours. */
export function summariseHours(hours: Float32Array, threshold: number): { mean: number; min: number; max: number; shareAtLeast: number; open: number } {
  let sum = 0;
  let count = 0;
  let atLeast = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const h of hours) {
    if (Number.isNaN(h)) continue;
    sum += h;
    count++;
    if (h >= threshold - 1e-6) atLeast++;
    min = Math.min(min, h);
    max = Math.max(max, h);
  }
  return count === 0 ? { mean: 0, min: 0, max: 0, shareAtLeast: 0, open: 0 } : { mean: sum / count, min, max, shareAtLeast: atLeast / count, open: count };
}
