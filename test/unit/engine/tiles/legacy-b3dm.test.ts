import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { B3DMLoaderBase } from '3d-tiles-renderer/core';
import { b3dmLayout, upgradeB3dm } from '../../../../src/engine/tiles/legacy-b3dm';
import { LYING_BATCH_TABLE_BYTES } from '../../../../tools/fixtures/hostile-tiles';
import { sharedData } from '../../../shared-data';

/** A tiny stand-in glb (only its bytes matter here). */
const GLB = new Uint8Array([0x67, 0x6c, 0x54, 0x46, 2, 0, 0, 0, 12, 0, 0, 0]);

function legacy1(batchLength: number, batchJson: string): ArrayBuffer {
  const json = new TextEncoder().encode(batchJson);
  const out = new Uint8Array(20 + json.byteLength + GLB.byteLength);
  const v = new DataView(out.buffer);
  out.set(new TextEncoder().encode('b3dm'), 0);
  v.setUint32(4, 1, true);
  v.setUint32(8, out.byteLength, true);
  v.setUint32(12, batchLength, true);
  v.setUint32(16, json.byteLength, true);
  out.set(json, 20);
  out.set(GLB, 20 + json.byteLength);
  return out.buffer;
}

function legacy2(batchLength: number, batchJson: string, batchBinary: Uint8Array): ArrayBuffer {
  const json = new TextEncoder().encode(batchJson);
  const out = new Uint8Array(24 + json.byteLength + batchBinary.byteLength + GLB.byteLength);
  const v = new DataView(out.buffer);
  out.set(new TextEncoder().encode('b3dm'), 0);
  v.setUint32(4, 1, true);
  v.setUint32(8, out.byteLength, true);
  v.setUint32(12, json.byteLength, true);
  v.setUint32(16, batchBinary.byteLength, true);
  v.setUint32(20, batchLength, true);
  out.set(json, 24);
  out.set(batchBinary, 24 + json.byteLength);
  out.set(GLB, 24 + json.byteLength + batchBinary.byteLength);
  return out.buffer;
}

describe('legacy-b3dm', () => {
  describe('b3dmLayout', () => {
    it('should tell the two legacy layouts, the current one and other content apart', () => {
      expect(b3dmLayout(new Uint8Array(legacy1(2, '{"id":[1,2]}')))).toBe('legacy-1');
      expect(b3dmLayout(new Uint8Array(legacy2(2, '{"id":[1,2]}', new Uint8Array(8))))).toBe('legacy-2');
      expect(b3dmLayout(new Uint8Array(upgradeB3dm(legacy1(2, '{"id":[1,2]}'))))).toBe('current');
      expect(b3dmLayout(GLB)).toBe('not-b3dm');
    });
  });

  describe('upgradeB3dm', () => {
    it('should turn a legacy-1 tile into one that 3d-tiles-renderer parses with its batch table', () => {
      const upgraded = upgradeB3dm(legacy1(2, '{"name":["a","b"],"height":[3.5,7]}'));
      const parsed = new B3DMLoaderBase().parse(upgraded);
      expect(parsed.featureTable.getData('BATCH_LENGTH', 1)).toBe(2);
      expect(parsed.batchTable.getDataFromId(1, {})).toEqual({ name: 'b', height: 7 });
      expect([...parsed.glbBytes]).toEqual([...GLB]);
      expect(new DataView(upgraded).getUint32(8, true)).toBe(upgraded.byteLength);
      expect((28 + new DataView(upgraded).getUint32(12, true)) % 8).toBe(0);
    });

    it('should keep the binary batch table of a legacy-2 tile', () => {
      const binary = new Uint8Array(new Float32Array([1.5, 2.5]).buffer);
      const upgraded = upgradeB3dm(legacy2(2, '{"h":{"byteOffset":0,"componentType":"FLOAT","type":"SCALAR"}}', binary));
      const parsed = new B3DMLoaderBase().parse(upgraded);
      expect(parsed.featureTable.getData('BATCH_LENGTH', 1)).toBe(2);
      expect(parsed.batchTable.getDataFromId(0, {})).toEqual({ h: 1.5 });
      expect(parsed.batchTable.getDataFromId(1, {})).toEqual({ h: 2.5 });
      expect([...parsed.glbBytes]).toEqual([...GLB]);
    });

    it('should return current tiles unchanged', () => {
      const current = upgradeB3dm(legacy1(1, '{"a":[1]}'));
      expect(upgradeB3dm(current)).toBe(current);
    });

    it('should refuse the 64-byte tile whose header claims a 1.5 GB batch table (test/fixtures/hostile), allocating nothing', () => {
      const bytes = readFileSync(resolve(__dirname, '../../../../test/fixtures/hostile/lying-b3dm/tile.b3dm'));
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      expect(b3dmLayout(new Uint8Array(buffer))).toBe('legacy-1');
      expect(() => upgradeB3dm(buffer)).toThrow(new RangeError(`b3dm header says its batch table JSON has ${LYING_BATCH_TABLE_BYTES} bytes, but the tile has only 44 bytes after its 20-byte header`));
    });

    it('should check every length of both legacy layouts against the bytes received', () => {
      const withLength = (tile: ArrayBuffer, offset: number, value: number): ArrayBuffer => {
        const copy = tile.slice(0);
        new DataView(copy).setUint32(offset, value, true);
        return copy;
      };
      const one = legacy1(2, '{"id":[1,2]}');
      expect(() => upgradeB3dm(withLength(one, 8, one.byteLength + 8))).toThrow(`b3dm header says the tile has ${one.byteLength + 8} bytes, but ${one.byteLength} were received`);
      expect(() => upgradeB3dm(withLength(one, 12, 1_000_000))).toThrow(`b3dm header says the tile has 1000000 features, more than its ${one.byteLength} bytes can hold`);
      const two = legacy2(2, '{"h":{"byteOffset":0,"componentType":"FLOAT","type":"SCALAR"}}', new Uint8Array(8));
      expect(() => upgradeB3dm(withLength(two, 16, 1 << 30))).toThrow(/^b3dm header says its batch table binary has 1073741824 bytes, but the tile has only \d+ bytes after its batch table JSON$/);
      expect(() => upgradeB3dm(withLength(two, 12, two.byteLength))).toThrow(/^b3dm header says its batch table JSON has \d+ bytes, but the tile has only \d+ bytes after its 24-byte header$/);
    });

    const sample = sharedData('cesium-3d-tiles-samples/1.0/TilesetWithDiscreteLOD/dragon_low.b3dm', 'the legacy b3dm check on a real CesiumGS sample');
    it.skipIf(!sample)('should leave a real 1.0 b3dm (CesiumGS sample) untouched', () => {
      const bytes = readFileSync(sample!);
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      expect(b3dmLayout(new Uint8Array(buffer))).toBe('current');
      expect(upgradeB3dm(buffer)).toBe(buffer);
    });
  });
});
