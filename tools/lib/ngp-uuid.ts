/**
 * Deterministic UUIDs for generated plans: the same label always gives the same id, so that
 * regenerated plan files are byte-identical. Shaped as version-4 UUIDs (lower-case hex, as
 * NGP's `uuid` pattern requires) but derived from a hash, not from randomness.
 */
import { hashString } from './prng';

/** A lower-case, version-4-shaped UUID derived from `label`. */
export function uuidFromLabel(label: string): string {
  const words: number[] = [];
  let h = 0x811c9dc5;
  for (let i = 0; i < 4; i++) {
    h = hashString(`${i}:${label}`, h);
    words.push(h);
  }
  const hex = words.map((w) => w.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** NGP's pattern for `uuid` (detaljplan-4.1.json `#/definitions/uuid`). */
export const NGP_UUID_PATTERN = /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;
