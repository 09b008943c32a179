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

export class MeshBuilder {
  private readonly positions: number[] = [];
  private readonly colours: number[] = [];
  private readonly offsets: number[] = [];
  private readonly patterns: number[] = [];
  private readonly indices: number[] = [];

  get vertexCount(): number {
    return this.positions.length / 3;
  }

  /** Appends a vertex; returns its index. */
  vertex(x: number, y: number, z: number, colour: Rgba, pattern: Pattern = PATTERN.solid, ox = 0, halfPx = 0, oz = 0): number {
    this.positions.push(x, y, z);
    this.colours.push(colour[0], colour[1], colour[2], colour[3]);
    this.offsets.push(ox, halfPx, oz);
    this.patterns.push(pattern);
    return this.positions.length / 3 - 1;
  }

  triangle(a: number, b: number, c: number): void {
    this.indices.push(a, b, c);
  }

  /** Quad a-b-c-d as two triangles with the winding a→b→c. */
  quad(a: number, b: number, c: number, d: number): void {
    this.indices.push(a, b, c, a, c, d);
  }

  finish(): MeshArrays {
    return {
      positions: Float32Array.from(this.positions),
      colours: Uint8Array.from(this.colours),
      offsets: Float32Array.from(this.offsets),
      patterns: Uint8Array.from(this.patterns),
      indices: Uint32Array.from(this.indices),
    };
  }
}

/** The buffers of a mesh, for `postMessage` transfer lists. */
export function transferablesOf(mesh: MeshArrays): ArrayBuffer[] {
  return [mesh.positions.buffer, mesh.colours.buffer, mesh.offsets.buffer, mesh.patterns.buffer, mesh.indices.buffer] as ArrayBuffer[];
}
