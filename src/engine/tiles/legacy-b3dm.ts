/**
 * Upgrades b3dm tiles written with the two deprecated header layouts (pre-1.0 3D Tiles, still
 * served by older pipelines) to the 1.0 layout, following CesiumJS's detection:
 *
 * - legacy 1 (20-byte header): `batchLength`, `batchTableByteLength`, then the glb;
 * - legacy 2 (24-byte header): `batchTableJsonByteLength`, `batchTableBinaryByteLength`, `batchLength`;
 * - 1.0 (28-byte header): feature table JSON/binary lengths, batch table JSON/binary lengths.
 *
 * A legacy header shows as an absurd length (≥ 0x22000000, the first bytes of JSON or of
 * "glTF" read as a uint32) where the 1.0 layout expects a batch table length.
 * Every length the header states is checked against the bytes received before anything is
 * allocated: a header can lie (a 64-byte tile once asked for 1.5 GB).
 * No three.js here: bytes in, bytes out.
 */

/** Smallest uint32 that a JSON `"`/`{` or the glTF magic produce when read as a length. */
const LEGACY_THRESHOLD = 570425344;
const HEADER_BYTES = 28;

export type B3dmLayout = 'current' | 'legacy-1' | 'legacy-2' | 'not-b3dm';

export function b3dmLayout(bytes: Uint8Array): B3dmLayout {
  if (bytes.byteLength < 20 || String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!) !== 'b3dm') return 'not-b3dm';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength >= 24 && view.getUint32(20, true) >= LEGACY_THRESHOLD) return 'legacy-1';
  if (bytes.byteLength >= 28 && view.getUint32(24, true) >= LEGACY_THRESHOLD) return 'legacy-2';
  return 'current';
}

function padTo8(length: number): number {
  return Math.ceil(length / 8) * 8;
}

/**
 * The same tile in the 1.0 layout (or the input itself when it already is one).
 * @throws RangeError when a length in the header does not fit the bytes received
 */
export function upgradeB3dm(input: ArrayBuffer): ArrayBuffer {
  const bytes = new Uint8Array(input);
  const layout = b3dmLayout(bytes);
  if (layout === 'current' || layout === 'not-b3dm') return input;
  const view = new DataView(input);
  let batchLength: number;
  let batchJsonLength: number;
  let batchBinaryLength: number;
  let bodyStart: number;
  if (layout === 'legacy-1') {
    batchLength = view.getUint32(12, true);
    batchJsonLength = view.getUint32(16, true);
    batchBinaryLength = 0;
    bodyStart = 20;
  } else {
    batchJsonLength = view.getUint32(12, true);
    batchBinaryLength = view.getUint32(16, true);
    batchLength = view.getUint32(20, true);
    bodyStart = 24;
  }
  const received = bytes.byteLength;
  const stated = view.getUint32(8, true);
  if (stated > received) throw new RangeError(`b3dm header says the tile has ${stated} bytes, but ${received} were received`);
  if (batchLength > received) throw new RangeError(`b3dm header says the tile has ${batchLength} features, more than its ${received} bytes can hold`);
  if (batchJsonLength > received - bodyStart) {
    throw new RangeError(`b3dm header says its batch table JSON has ${batchJsonLength} bytes, but the tile has only ${received - bodyStart} bytes after its ${bodyStart}-byte header`);
  }
  if (batchBinaryLength > received - bodyStart - batchJsonLength) {
    throw new RangeError(`b3dm header says its batch table binary has ${batchBinaryLength} bytes, but the tile has only ${received - bodyStart - batchJsonLength} bytes after its batch table JSON`);
  }
  // 1.0 wants every section to start on an 8-byte boundary: pad JSON with spaces, binary with zeros
  const featureJson = new TextEncoder().encode(JSON.stringify({ BATCH_LENGTH: batchLength }));
  const featureJsonLength = padTo8(HEADER_BYTES + featureJson.byteLength) - HEADER_BYTES;
  const batchJson = bytes.subarray(bodyStart, bodyStart + batchJsonLength);
  const batchBinary = bytes.subarray(bodyStart + batchJsonLength, bodyStart + batchJsonLength + batchBinaryLength);
  const glb = bytes.subarray(bodyStart + batchJsonLength + batchBinaryLength);
  const batchJsonPadded = padTo8(batchJsonLength);
  const batchBinaryPadded = padTo8(batchBinaryLength);
  const glbStart = HEADER_BYTES + featureJsonLength + batchJsonPadded + batchBinaryPadded;
  const total = glbStart + glb.byteLength;
  const out = new Uint8Array(total);
  const outView = new DataView(out.buffer);
  out.set(bytes.subarray(0, 8), 0); // magic + version
  outView.setUint32(8, total, true);
  outView.setUint32(12, featureJsonLength, true);
  outView.setUint32(16, 0, true);
  outView.setUint32(20, batchJsonPadded, true);
  outView.setUint32(24, batchBinaryPadded, true);
  let at = HEADER_BYTES;
  out.fill(0x20, at, at + featureJsonLength);
  out.set(featureJson, at);
  at += featureJsonLength;
  out.fill(0x20, at, at + batchJsonPadded);
  out.set(batchJson, at);
  at += batchJsonPadded;
  out.set(batchBinary, at);
  out.set(glb, glbStart);
  return out.buffer;
}
