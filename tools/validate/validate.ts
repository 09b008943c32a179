/**
 * `validate`: one entry point for a tileset or a scene document. Reads the file, decides what
 * it is (a tileset has `asset`/`root`; a scene has `layers`/`origin`), validates it, and
 * returns a report; input that cannot be validated at all (missing file, broken JSON, neither
 * kind) is an `InputError`.
 */
import { dirname, resolve } from 'node:path';
import type { Report } from './report';
import { validateSceneDocument } from './scene';
import { readJsonFile, TilesetValidator } from './tileset';

export interface ValidateOptions {
  /** Scenes: validate the tilesets of tiles3d layers too. */
  deep?: boolean;
  /** Containment tolerance, metres (default 0.01). */
  tolerance?: number;
  /** Stop after visiting this many tiles (default 1 000 000). */
  maxTiles?: number;
}

/** The input could not be validated: missing, unreadable, not JSON, or neither kind. */
export class InputError extends Error {}

export type DocumentKind = 'tileset' | 'scene' | null;

/** A tileset has `asset` or `root`; a scene has `layers` or `origin` (and `version`). */
export function detectDocument(json: unknown): DocumentKind {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const o = json as Record<string, unknown>;
  if ((typeof o.asset === 'object' && o.asset !== null) || (typeof o.root === 'object' && o.root !== null)) return 'tileset';
  if ('layers' in o || 'origin' in o) return 'scene';
  return null;
}

export function validateFile(input: string, options: ValidateOptions = {}): Report {
  const abs = resolve(input);
  const read = readJsonFile(abs);
  if (!read.ok) throw new InputError(`${input}: ${read.error}`);
  const kind = detectDocument(read.value);
  if (kind === null) {
    throw new InputError(`${input}: neither a 3D Tiles tileset (with "asset" and "root") nor a scene document (with "version" and "layers" or "origin")`);
  }
  const common = { ...(options.tolerance !== undefined ? { tolerance: options.tolerance } : {}), ...(options.maxTiles !== undefined ? { maxTiles: options.maxTiles } : {}) };
  if (kind === 'tileset') {
    const tv = new TilesetValidator(dirname(abs), common);
    tv.validateTileset(read.value, abs);
    const errors = tv.issues.errors;
    return { input, kind, ok: errors === 0, errors, warnings: tv.issues.warnings, tiles: tv.tiles, contentFiles: tv.files.size, issues: tv.issues.list };
  }
  const r = validateSceneDocument(read.value, abs, { ...common, ...(options.deep ? { deep: true } : {}) });
  const errors = r.issues.errors;
  return { input, kind, ok: errors === 0, errors, warnings: r.issues.warnings, tiles: r.tiles, contentFiles: r.contentFiles, layers: r.layers, issues: r.issues.list };
}
