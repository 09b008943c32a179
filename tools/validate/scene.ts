/**
 * Scene documents: validated with the scene spec (`validateScene` from src/spec), then every
 * layer URL that points at a local file is looked up, and with `deep` the tilesets of tiles3d
 * layers are validated too.
 *
 * Relative URLs are resolved as the app resolves them: against the scene document's URL. When
 * the scene lies in a `public/` folder it is one the app serves, where `public/` is the site
 * root and the repository's `tiles/` folder is mounted at `/tiles/` (see `staticMounts` in
 * tools/server/vite-static-plugin.ts), so `public/scenes/demo.json` reaches
 * `../tiles/harnosand-buildings/tileset.json` in `<repo>/tiles/`. Elsewhere, relative URLs are
 * plain relative paths.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { validateScene } from '../../src/spec';
import { Issues } from './report';
import { readJsonFile, TilesetValidator } from './tileset';

export interface SiteLayout {
  /** The folder served at `/`. */
  root: string;
  /** Folders served under URL prefixes (`/tiles` → `<repo>/tiles`). */
  mounts: { url: string; dir: string }[];
}

/** The app's layout when `sceneAbs` lies in a `public/` folder; null otherwise. */
export function appSiteFor(sceneAbs: string): SiteLayout | null {
  let d = dirname(sceneAbs);
  for (;;) {
    if (basename(d) === 'public') return { root: d, mounts: [{ url: '/tiles', dir: join(dirname(d), 'tiles') }] };
    const up = dirname(d);
    if (up === d) return null;
    d = up;
  }
}

/** The local file a layer URL points at, or null when it is remote (or root-relative with no known site). */
export function localPathOf(url: string, sceneAbs: string, site: SiteLayout | null): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return null;
  if (site) {
    const scenePath = '/' + relative(site.root, sceneAbs).split(sep).join('/');
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(url, `http://site${encodeURI(scenePath)}`).pathname);
    } catch {
      return null;
    }
    for (const m of site.mounts) {
      if (pathname === m.url || pathname.startsWith(`${m.url}/`)) return join(m.dir, pathname.slice(m.url.length));
    }
    return join(site.root, pathname);
  }
  if (url.startsWith('/')) return null;
  let p = url.split(/[?#]/)[0]!;
  try {
    p = decodeURIComponent(p);
  } catch {
    /* as written */
  }
  return resolve(dirname(sceneAbs), p);
}

export interface SceneValidationOptions {
  deep?: boolean;
  tolerance?: number;
  maxTiles?: number;
}

export interface SceneValidation {
  issues: Issues;
  layers: number;
  tiles: number;
  contentFiles: number;
}

/** Validates a parsed scene document read from `abs`. */
export function validateSceneDocument(json: unknown, abs: string, options: SceneValidationOptions = {}): SceneValidation {
  const baseDir = dirname(abs);
  const issues = new Issues();
  const tv = new TilesetValidator(baseDir, { ...(options.tolerance !== undefined ? { tolerance: options.tolerance } : {}), ...(options.maxTiles !== undefined ? { maxTiles: options.maxTiles } : {}) }, issues);
  const file = tv.label(abs);
  const result = validateScene(json);
  if (!result.ok) for (const i of result.issues) issues.error(file, i.path, i.message);
  const layers: unknown[] = Array.isArray((json as { layers?: unknown })?.layers) ? (json as { layers: unknown[] }).layers : [];
  const site = appSiteFor(abs);
  layers.forEach((layer, i) => {
    if (typeof layer !== 'object' || layer === null) return;
    const { url, type } = layer as { url?: unknown; type?: unknown };
    if (typeof url !== 'string' || url === '') return; // the spec check reports it
    const local = localPathOf(url, abs, site);
    if (local === null) return;
    const path = `layers[${i}].url`;
    if (!existsSync(local) || !statSync(local).isFile()) {
      issues.error(file, path, `${url}: file not found${tv.label(local) !== url ? ` (looked for ${tv.label(local)})` : ''}`);
      return;
    }
    if (!options.deep || type !== 'tiles3d' || tv.wasValidated(local)) return;
    const read = readJsonFile(local);
    if (!read.ok) {
      if (/\.json$/i.test(local)) issues.error(tv.label(local), '', read.error);
      return; // a single b3dm/glb layer: nothing more to walk
    }
    tv.validateTileset(read.value, local);
  });
  return { issues, layers: layers.length, tiles: tv.tiles, contentFiles: tv.files.size };
}
