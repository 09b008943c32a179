/**
 * Growable vertex and index arrays for the zoning layer's merged meshes, and their typed-array
 * form that crosses the worker boundary. Pure TypeScript (no three.js), so it runs in a worker.
 */

/** Fill patterns of draped areas, as drawn by the drape shader. */
export const PATTERN = { solid: 0, dots: 1, crosses: 2 } as const;
export type Pattern = (typeof PATTERN)[keyof typeof PATTERN];

/** One merged mesh as typed arrays (transferable). */
export interface MeshArrays {
  /** Scene-frame positions, metres, xyz per vertex. */
  positions: Float32Array;
  /** RGBA per vertex, 0–255. */
  colours: Uint8Array;
  /**
   * Screen-space widening per vertex: x and z are a horizontal direction in the scene frame
   * (in units of the half-width), y is the half-width in CSS pixels (0 for no widening).
   */
  offsets: Float32Array;
  /** Fill pattern per vertex (`PATTERN`). */
  patterns: Uint8Array;
  indices: Uint32Array;
}

export type Rgba = readonly [number, number, number, number];

type TypedArray = Float32Array | Uint8Array | Uint32Array;

/** A typed array twice as long holding `array`'s contents (growth by doubling). */
function grown<T extends TypedArray>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

/**
 * Vertices and indices in growable typed arrays (4 bytes a coordinate, 1 a colour channel,
 * rather than a JS number's 8 and more), so that a plan at its caps stays in a few hundred MB.
 */
export class MeshBuilder {
  private positions = new Float32Array(3 * 256);
  private colours = new Uint8Array(4 * 256);
  private offsets = new Float32Array(3 * 256);
  private patterns = new Uint8Array(256);
  private indices = new Uint32Array(6 * 256);
  private vertices = 0;
  private indexCount = 0;

  get vertexCount(): number {
    return this.vertices;
  }

  /** Appends a vertex; returns its index. */
  vertex(x: number, y: number, z: number, colour: Rgba, pattern: Pattern = PATTERN.solid, ox = 0, halfPx = 0, oz = 0): number {
    const v = this.vertices++;
    if (v >= this.patterns.length) {
      const n = v + 1;
      this.positions = grown(this.positions, 3 * n);
      this.colours = grown(this.colours, 4 * n);
      this.offsets = grown(this.offsets, 3 * n);
      this.patterns = grown(this.patterns, n);
    }
    const p = 3 * v;
    this.positions[p] = x;
    this.positions[p + 1] = y;
    this.positions[p + 2] = z;
    this.offsets[p] = ox;
    this.offsets[p + 1] = halfPx;
    this.offsets[p + 2] = oz;
    const c = 4 * v;
    this.colours[c] = colour[0];
    this.colours[c + 1] = colour[1];
    this.colours[c + 2] = colour[2];
    this.colours[c + 3] = colour[3];
    this.patterns[v] = pattern;
    return v;
  }

  private index(a: number): void {
    if (this.indexCount >= this.indices.length) this.indices = grown(this.indices, this.indexCount + 1);
    this.indices[this.indexCount++] = a;
  }

  triangle(a: number, b: number, c: number): void {
    this.index(a);
    this.index(b);
    this.index(c);
  }

  /** Quad a-b-c-d as two triangles with the winding a→b→c. */
  quad(a: number, b: number, c: number, d: number): void {
    this.triangle(a, b, c);
    this.triangle(a, c, d);
  }

  /** The arrays, trimmed to their contents (copies; the builder may be dropped). */
  finish(): MeshArrays {
    const n = this.vertices;
    return {
      positions: this.positions.slice(0, 3 * n),
      colours: this.colours.slice(0, 4 * n),
      offsets: this.offsets.slice(0, 3 * n),
      patterns: this.patterns.slice(0, n),
      indices: this.indices.slice(0, this.indexCount),
    };
  }
}

/** The buffers of a mesh, for `postMessage` transfer lists. */
export function transferablesOf(mesh: MeshArrays): ArrayBuffer[] {
  return [mesh.positions.buffer, mesh.colours.buffer, mesh.offsets.buffer, mesh.patterns.buffer, mesh.indices.buffer] as ArrayBuffer[];
}
