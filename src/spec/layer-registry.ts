/**
 * The registry of layer kinds. A kind is its `type` literal, its zod schema (base fields plus
 * its own), and optional format sniffing so that `addLayer({ url })` can guess the kind.
 *
 * Adding a kind = one file under `src/spec/layers/` + one line in `src/spec/layers/index.ts`.
 * The scene schema is rebuilt from this registry, so the core never changes.
 */
import type { z } from 'zod';

export interface LayerKindSpec<S extends z.ZodObject = z.ZodObject> {
  /** The `type` discriminator, e.g. `tiles3d`. */
  readonly type: string;
  /** Human description, used in docs and the JSON Schema. */
  readonly title: string;
  /** Full schema of this kind, including `type: z.literal(type)` and the base fields. */
  readonly schema: S;
  /**
   * Confidence (0…1) that a URL, optionally with its fetched content sample, is this kind.
   * Cheap URL checks first; `sample` is the parsed JSON or the first bytes when available.
   */
  detect?(url: string, sample?: unknown): number;
}

const kinds = new Map<string, LayerKindSpec>();
const listeners = new Set<() => void>();

/** Registers a layer kind. Registering the same `type` twice throws. */
export function registerLayerKind(kind: LayerKindSpec): void {
  if (kinds.has(kind.type)) throw new Error(`Layer kind "${kind.type}" is already registered`);
  kinds.set(kind.type, kind);
  for (const listener of listeners) listener();
}

/** The kind registered for `type`, or `undefined`. */
export function getLayerKind(type: string): LayerKindSpec | undefined {
  return kinds.get(type);
}

/** All registered kinds in registration order. */
export function listLayerKinds(): LayerKindSpec[] {
  return [...kinds.values()];
}

/** Calls `listener` whenever a kind is registered; returns an unsubscribe function. */
export function onLayerKindsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The most likely kind for a URL (and optional content sample), or `undefined` when no kind
 * is at least 50% sure.
 */
export function detectLayerKind(url: string, sample?: unknown): LayerKindSpec | undefined {
  let best: LayerKindSpec | undefined;
  let bestScore = 0.5 - Number.EPSILON;
  for (const kind of kinds.values()) {
    const score = kind.detect?.(url, sample) ?? 0;
    if (score > bestScore) {
      best = kind;
      bestScore = score;
    }
  }
  return best;
}
