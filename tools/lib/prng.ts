/**
 * Seeded pseudo-random numbers for reproducible tool output.
 *
 * `createRng(seed)` gives a small, fast generator (sfc32) whose stream depends only on
 * the seed. `rng.fork(label)` derives an independent stream from the parent's seed and a
 * label, so that adding a draw in one part of a generator does not shift every later
 * part: e.g. `rng.fork('block:12')` always yields the same numbers for block 12.
 */

export interface Rng {
  /** The seed this stream was created from (after label mixing). */
  readonly seed: number;
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform float in [min, max). */
  float(min: number, max: number): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element, uniformly. Throws on an empty array. */
  pick<T>(items: readonly T[]): T;
  /** One element by weight (`[value, weight][]`, weights ≥ 0, not all zero). */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** Normally distributed float (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /** A new array with the elements in random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent stream derived from this stream's seed and `label`. */
  fork(label: string | number): Rng;
}

/** 32-bit string hash (FNV-1a followed by a murmur3 finaliser). */
export function hashString(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Creates a seeded generator. Any finite number works as a seed; it is reduced to 32 bits. */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(`createRng: seed must be a finite number, got ${seed}`);
  const s0 = fmix32((Math.trunc(seed) >>> 0) ^ 0x9e3779b9);
  // sfc32 state, warmed up so that similar seeds diverge
  let a = s0;
  let b = fmix32(s0 ^ 0x243f6a88);
  let c = fmix32(s0 ^ 0x85a308d3);
  let d = 1;
  const u32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) u32();

  const rng: Rng = {
    seed: s0,
    next: () => u32() / 4294967296,
    float: (min, max) => min + (max - min) * rng.next(),
    int: (min, max) => {
      const lo = Math.ceil(min);
      const hi = Math.floor(max);
      if (hi < lo) throw new Error(`rng.int: empty range [${min}, ${max}]`);
      return lo + Math.floor(rng.next() * (hi - lo + 1));
    },
    chance: (p) => rng.next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('rng.pick: empty array');
      return items[Math.floor(rng.next() * items.length)]!;
    },
    weighted: (items) => {
      let total = 0;
      for (const [, w] of items) total += Math.max(0, w);
      if (!(total > 0)) throw new Error('rng.weighted: weights must not all be zero');
      let r = rng.next() * total;
      for (const [v, w] of items) {
        r -= Math.max(0, w);
        if (r < 0) return v;
      }
      return items[items.length - 1]![0];
    },
    normal: (mean = 0, sd = 1) => {
      const u = 1 - rng.next(); // (0, 1]
      const v = rng.next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    shuffle: (items) => {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(rng.next() * (i + 1));
        const t = out[i]!;
        out[i] = out[j]!;
        out[j] = t;
      }
      return out;
    },
    fork: (label) => createRng(hashString(String(label), s0)),
  };
  return rng;
}
