/**
 * What an image file is and how large it is, read from its first bytes, before anything is
 * decoded: so a tile that is an HTML page is named as such, and an image far too large for
 * the GPU is refused instead of decoded.
 */

export type ImageKind = 'png' | 'jpeg' | 'gif' | 'webp';

export interface ImageHeader {
  kind: ImageKind;
  /** Pixels; `0` when the header does not say (not reached within the bytes read). */
  width: number;
  height: number;
}

function u32be(b: Uint8Array, i: number): number {
  return ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
}

function u16be(b: Uint8Array, i: number): number {
  return (b[i]! << 8) | b[i + 1]!;
}

/** JPEG size from its first start-of-frame marker (SOF0…SOF15 except DHT, JPG, DAC). */
function jpegSize(b: Uint8Array): [number, number] {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return [0, 0];
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const length = u16be(b, i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return [u16be(b, i + 7), u16be(b, i + 5)];
    }
    i += 2 + length;
  }
  return [0, 0];
}

/** The image kind and size in `bytes`, or `null` when they do not start like PNG, JPEG, GIF or WebP. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  const b = bytes;
  if (b.length >= 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    return { kind: 'png', width: u32be(b, 16), height: u32be(b, 20) };
  }
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    const [width, height] = jpegSize(b);
    return { kind: 'jpeg', width, height };
  }
  if (b.length >= 10 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) {
    return { kind: 'gif', width: b[6]! | (b[7]! << 8), height: b[8]! | (b[9]! << 8) };
  }
  if (b.length >= 12 && b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) {
    return { kind: 'webp', width: 0, height: 0 };
  }
  return null;
}

/** Short description of what non-image bytes are, for messages (`an HTML page`, `text/plain`). */
export function describeNonImage(bytes: Uint8Array, contentType: string): string {
  const head = new TextDecoder().decode(bytes.subarray(0, 256)).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'an HTML page';
  if (head.startsWith('<')) return 'an XML document';
  if (head.startsWith('{') || head.startsWith('[')) return 'a JSON document';
  return contentType ? `${contentType} data` : 'data that is not an image';
}
