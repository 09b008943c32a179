/**
 * Compact binary records for the `buildings` converter's temporary files, and the buffered
 * bucket writer that spills them into per-cell files with a fixed memory budget.
 *
 * One record is one valid footprint (all of a MultiPolygon's parts), little-endian:
 *
 *   u32 byteLength (of the whole record)   u32 index (position in the input)
 *   f64 ax, f64 ay      anchor: ENU metres (after pass 2; 0 before)
 *   f64 z               ENU up of the base (pass 2; 0 before)
 *   f64 base            base elevation, metres above the ellipsoid
 *   f64 height          extruded height, metres
 *   f32 size            visual size, metres (pass 2)
 *   u16 heightSource    index into the converter's height-source names
 *   u16 polygonCount    then per polygon: u16 ringCount, per ring: u32 n, n × (f64 x, f64 y)
 *                       (x, y: lon/lat degrees in pass 1, ENU metres in pass 2)
 *   u16 idLength, id (UTF-8)
 *   u32 rowLength, row (UTF-8 JSON array of attribute values by column index)
 *
 * Readers never hold more than one file (or one read block) at a time.
 */
import { appendFileSync, closeSync, openSync, readSync } from 'node:fs';

/** A footprint: polygons → rings → flat [x0, y0, x1, y1, …] without a closing point. */
export type Rings = Float64Array[];

export interface FootprintRecord {
  index: number;
  ax: number;
  ay: number;
  z: number;
  base: number;
  height: number;
  size: number;
  heightSource: number;
  polygons: Rings[];
  id: string;
  /** JSON text of the attribute row. */
  row: string;
}

const HEADER = 4 + 4 + 8 + 8 + 8 + 8 + 8 + 4 + 2 + 2;

/** Encodes a record into a new buffer. */
export function encodeRecord(r: FootprintRecord): Buffer {
  const id = Buffer.from(r.id, 'utf8');
  const row = Buffer.from(r.row, 'utf8');
  let geom = 0;
  for (const p of r.polygons) {
    geom += 2;
    for (const ring of p) geom += 4 + ring.length * 8;
  }
  const len = HEADER + geom + 2 + id.byteLength + 4 + row.byteLength;
  const b = Buffer.allocUnsafe(len);
  let o = 0;
  o = b.writeUInt32LE(len, o);
  o = b.writeUInt32LE(r.index >>> 0, o);
  o = b.writeDoubleLE(r.ax, o);
  o = b.writeDoubleLE(r.ay, o);
  o = b.writeDoubleLE(r.z, o);
  o = b.writeDoubleLE(r.base, o);
  o = b.writeDoubleLE(r.height, o);
  o = b.writeFloatLE(r.size, o);
  o = b.writeUInt16LE(r.heightSource, o);
  o = b.writeUInt16LE(r.polygons.length, o);
  for (const p of r.polygons) {
    o = b.writeUInt16LE(p.length, o);
    for (const ring of p) {
      o = b.writeUInt32LE(ring.length / 2, o);
      for (let i = 0; i < ring.length; i++) o = b.writeDoubleLE(ring[i]!, o);
    }
  }
  o = b.writeUInt16LE(id.byteLength, o);
  o += id.copy(b, o);
  o = b.writeUInt32LE(row.byteLength, o);
  row.copy(b, o);
  return b;
}

/** Decodes the record at `offset` of `b`. */
export function decodeRecord(b: Buffer, offset = 0): FootprintRecord {
  let o = offset + 4;
  const index = b.readUInt32LE(o);
  o += 4;
  const ax = b.readDoubleLE(o);
  const ay = b.readDoubleLE(o + 8);
  const z = b.readDoubleLE(o + 16);
  const base = b.readDoubleLE(o + 24);
  o += 32;
  const height = b.readDoubleLE(o);
  const size = b.readFloatLE(o + 8);
  o += 12;
  const heightSource = b.readUInt16LE(o);
  const np = b.readUInt16LE(o + 2);
  o += 4;
  const polygons: Rings[] = [];
  for (let p = 0; p < np; p++) {
    const nr = b.readUInt16LE(o);
    o += 2;
    const rings: Rings = [];
    for (let r = 0; r < nr; r++) {
      const n = b.readUInt32LE(o);
      o += 4;
      const ring = new Float64Array(n * 2);
      for (let i = 0; i < n * 2; i++, o += 8) ring[i] = b.readDoubleLE(o);
      rings.push(ring);
    }
    polygons.push(rings);
  }
  const idLen = b.readUInt16LE(o);
  o += 2;
  const id = b.toString('utf8', o, o + idLen);
  o += idLen;
  const rowLen = b.readUInt32LE(o);
  o += 4;
  const row = b.toString('utf8', o, o + rowLen);
  return { index, ax, ay, z, base, height, size, heightSource, polygons, id, row };
}

/** Reads only the `size` field of the record at `offset` (for cheap scans). */
export function recordSize(b: Buffer, offset = 0): number {
  return b.readFloatLE(offset + 48);
}

/**
 * Iterates the raw records of one or more files in order, reading `blockSize` bytes at a
 * time (a record larger than a block is read whole). Yields views into a reused block:
 * copy (`Buffer.from`) what must outlive the next step.
 */
export function* readRecordFiles(paths: readonly string[], blockSize = 1 << 20): Generator<Buffer> {
  for (const path of paths) {
    const fd = openSync(path, 'r');
    try {
      let block = Buffer.allocUnsafe(blockSize);
      let start = 0;
      let end = 0;
      for (;;) {
        // complete records in [start, end)
        while (end - start >= 4) {
          const len = block.readUInt32LE(start);
          if (end - start < len) break;
          yield block.subarray(start, start + len);
          start += len;
        }
        // move the partial record to the front (growing the block for a huge record)
        const rest = end - start;
        const need = rest >= 4 ? block.readUInt32LE(start) : 0;
        if (need > block.length) {
          const bigger = Buffer.allocUnsafe(need);
          block.copy(bigger, 0, start, end);
          block = bigger;
        } else if (start > 0) {
          block.copy(block, 0, start, end);
        }
        start = 0;
        end = rest;
        const n = readSync(fd, block, end, block.length - end, null);
        if (n === 0) {
          if (end !== 0) throw new Error(`truncated temporary file ${path}`);
          break;
        }
        end += n;
      }
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * Appends records to many bucket files while holding at most `budgetBytes` in memory:
 * when the budget is exceeded every pending bucket is flushed (one append per file).
 */
export class BucketWriter<K extends string = string> {
  private pending = new Map<K, Buffer[]>();
  private pendingBytes = 0;
  /** Records written per bucket. */
  readonly counts = new Map<K, number>();
  /** Total bytes written so far (for reports). */
  bytesWritten = 0;

  constructor(
    private readonly pathOf: (key: K) => string,
    private readonly budgetBytes = 16 << 20,
  ) {}

  append(key: K, record: Buffer): void {
    let list = this.pending.get(key);
    if (!list) this.pending.set(key, (list = []));
    list.push(record);
    this.pendingBytes += record.byteLength;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (this.pendingBytes > this.budgetBytes) this.flush();
  }

  flush(): void {
    for (const [key, list] of this.pending) {
      const data = list.length === 1 ? list[0]! : Buffer.concat(list);
      appendFileSync(this.pathOf(key), data);
      this.bytesWritten += data.byteLength;
    }
    this.pending.clear();
    this.pendingBytes = 0;
  }
}
