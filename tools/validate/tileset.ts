/**
 * Structural validation of a 3D Tiles 1.0/1.1 tileset, following the specification
 * (https://github.com/CesiumGS/3d-tiles):
 *
 * - `asset.version` ("1.0" or "1.1"), the tileset's and every tile's `geometricError`
 *   (present, ≥ 0, never larger than the parent's), `refine` (ADD/REPLACE, required at the root),
 *   `transform` (16 numbers, affine), `children` (a non-empty array);
 * - bounding volumes well-formed, and each child's volume inside its parent's, in the tileset's
 *   frame (transforms composed from the root; regions are geodetic and ignore transforms),
 *   within a tolerance in metres; content bounding volumes inside their tile's (warning);
 * - content: URIs resolve to files, whose headers and structure are checked (content.ts);
 *   external tilesets are followed and validated the same way, with cycle protection;
 * - implicit tiling: the `implicitTiling` object, templates, and every subtree and available
 *   content from the root subtree down (implicit.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { checkContent, jsonErrorText } from './content';
import { checkImplicitTiling, mortonDecode, parseSubtree, substitute, type ImplicitSettings, type TileCoord } from './implicit';
import { Issues } from './report';
import { composeTransform, excessOutside, IDENTITY, parseBoundingVolume, placeVolume, transformProblems, type PlacedVolume } from './volumes';

export interface TilesetValidationOptions {
  /** Containment tolerance, metres (default 0.01). */
  tolerance?: number;
  /** Stop visiting tiles after this many (default 1 000 000). */
  maxTiles?: number;
}

/** Where a tile sits: for its children and for an external tileset's root. */
interface ParentContext {
  volume: PlacedVolume | null;
  volumeKind: string;
  transform: readonly number[];
  geometricError: number | null;
  /** Label of the parent for messages (`its parent's` or `the referring tile's`). */
  relation: string;
}

const SCHEME_RE = /^[a-z][a-z0-9+.-]*:/i;

function fmt(n: number): string {
  if (Math.abs(n) >= 100) return n.toFixed(1);
  if (Math.abs(n) >= 1) return n.toFixed(2);
  return n.toPrecision(3);
}

function typeName(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : JSON.stringify(v);
}

/** Validates tilesets; one instance per run (it caches checked files). */
export class TilesetValidator {
  readonly issues: Issues;
  tiles = 0;
  /** Absolute paths of content files checked (content, external tilesets, subtrees). */
  readonly files = new Set<string>();
  private readonly tolerance: number;
  private readonly maxTiles: number;
  private tooMany = false;
  /** Tilesets being validated (cycle detection). */
  private readonly stack: string[] = [];
  /** External tilesets already validated (a second reference only checks its placement). */
  private readonly validated = new Map<string, Record<string, any>>();

  constructor(
    /** Folder that file labels are relative to (the input's folder). */
    private readonly baseDir: string,
    options: TilesetValidationOptions = {},
    issues?: Issues,
  ) {
    this.issues = issues ?? new Issues();
    this.tolerance = options.tolerance ?? 0.01;
    this.maxTiles = options.maxTiles ?? 1_000_000;
  }

  /** Whether the tileset at `abs` was validated already (in this run). */
  wasValidated(abs: string): boolean {
    return this.validated.has(abs);
  }

  /** A file's label: relative to the input's folder, '/'-separated. */
  label(abs: string): string {
    const r = relative(this.baseDir, abs);
    return (r === '' ? abs : r).split(sep).join('/');
  }

  /** Validates a parsed tileset read from `abs` (the top-level input or an external tileset). */
  validateTileset(json: unknown, abs: string, parent: ParentContext | null = null): void {
    const file = this.label(abs);
    const E = (path: string, msg: string) => this.issues.error(file, path, msg);
    const W = (path: string, msg: string) => this.issues.warn(file, path, msg);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      E('', `expected a tileset object, got ${typeName(json)}`);
      return;
    }
    const ts = json as Record<string, any>;
    this.stack.push(abs);
    this.validated.set(abs, ts);
    try {
      let version: string | null = null;
      if (typeof ts.asset !== 'object' || ts.asset === null) E('asset', 'missing (a tileset needs asset.version)');
      else if (ts.asset.version === undefined) E('asset.version', 'missing (expected "1.0" or "1.1")');
      else if (ts.asset.version === '1.0' || ts.asset.version === '1.1') version = ts.asset.version;
      else if (ts.asset.version === '0.0') W('asset.version', '"0.0" is the pre-1.0 draft; clients read it as 1.0');
      else E('asset.version', `expected "1.0" or "1.1", got ${typeName(ts.asset.version)}`);

      const tsError = ts.geometricError;
      if (tsError === undefined) E('geometricError', 'missing (the tileset needs a geometric error)');
      else if (typeof tsError !== 'number' || !Number.isFinite(tsError)) E('geometricError', `expected a number, got ${typeName(tsError)}`);
      else if (tsError < 0) E('geometricError', `must not be negative, got ${tsError}`);

      const used: unknown = ts.extensionsUsed ?? [];
      const required: unknown = ts.extensionsRequired ?? [];
      if (!Array.isArray(used)) E('extensionsUsed', 'expected an array of extension names');
      if (!Array.isArray(required)) E('extensionsRequired', 'expected an array of extension names');
      if (Array.isArray(used) && Array.isArray(required)) {
        for (const ext of required) if (!used.includes(ext)) E('extensionsRequired', `${JSON.stringify(ext)} is required but not listed in extensionsUsed`);
      }
      if (version === '1.0') {
        const v11 = ['schema', 'schemaUri', 'metadata', 'groups', 'statistics'].filter((k) => ts[k] !== undefined);
        if (v11.length > 0) W('asset.version', `"1.0", but the tileset uses 3D Tiles 1.1 properties (${v11.join(', ')})`);
      }

      if (typeof ts.root !== 'object' || ts.root === null || Array.isArray(ts.root)) {
        E('root', `expected the root tile, got ${typeName(ts.root)}`);
        return;
      }
      const root = ts.root as Record<string, any>;
      if (root.refine === undefined) E('root.refine', 'missing: the root tile must say "ADD" or "REPLACE"');
      if (typeof tsError === 'number' && tsError >= 0 && typeof root.geometricError === 'number' && root.geometricError > tsError) {
        W('root.geometricError', `${root.geometricError} is larger than the tileset's geometricError (${tsError})`);
      }
      const groups = Array.isArray(ts.groups) ? ts.groups.length : 0;
      this.walkTile(root, 'root', file, abs, parent, { version, groups });
    } finally {
      this.stack.pop();
    }
  }

  private walkTile(
    tile: unknown,
    path: string,
    file: string,
    tilesetAbs: string,
    parent: ParentContext | null,
    ctx: { version: string | null; groups: number },
  ): void {
    const E = (p: string, msg: string) => this.issues.error(file, p, msg);
    const W = (p: string, msg: string) => this.issues.warn(file, p, msg);
    if (this.tiles >= this.maxTiles) {
      if (!this.tooMany) W(path, `stopped after ${this.maxTiles} tiles (--max-tiles)`);
      this.tooMany = true;
      return;
    }
    this.tiles++;
    if (typeof tile !== 'object' || tile === null || Array.isArray(tile)) {
      E(path, `expected a tile object, got ${typeName(tile)}`);
      return;
    }
    const t = tile as Record<string, any>;

    // transform
    let transform = parent?.transform ?? IDENTITY;
    if (t.transform !== undefined) {
      const problems = transformProblems(t.transform);
      for (const m of problems) E(`${path}.transform`, m);
      if (problems.length === 0) transform = composeTransform(transform, t.transform);
    }

    // bounding volume
    let placed: PlacedVolume | null = null;
    if (t.boundingVolume === undefined) E(`${path}.boundingVolume`, 'missing (every tile needs a bounding volume)');
    else {
      const { volume, problems, warnings } = parseBoundingVolume(t.boundingVolume);
      for (const p of problems) E(`${path}.boundingVolume${p.path ? `.${p.path}` : ''}`, p.message);
      for (const p of warnings) W(`${path}.boundingVolume${p.path ? `.${p.path}` : ''}`, p.message);
      if (volume) placed = placeVolume(volume, transform);
    }
    if (placed && parent?.volume) {
      const excess = excessOutside(parent.volume, placed);
      if (excess > this.tolerance) {
        E(`${path}.boundingVolume`, `${placed.kind} reaches ${fmt(excess)} m outside ${parent.relation} ${parent.volumeKind} (tolerance ${this.tolerance} m)`);
      }
    }
    if (t.viewerRequestVolume !== undefined) {
      const { problems } = parseBoundingVolume(t.viewerRequestVolume);
      for (const p of problems) E(`${path}.viewerRequestVolume${p.path ? `.${p.path}` : ''}`, p.message);
    }

    // geometric error
    const ge = t.geometricError;
    let geometricError: number | null = null;
    if (ge === undefined) E(`${path}.geometricError`, 'missing (every tile needs a geometric error)');
    else if (typeof ge !== 'number' || !Number.isFinite(ge)) E(`${path}.geometricError`, `expected a number, got ${typeName(ge)}`);
    else if (ge < 0) E(`${path}.geometricError`, `must not be negative, got ${ge}`);
    else {
      geometricError = ge;
      if (parent?.geometricError !== null && parent?.geometricError !== undefined && ge > parent.geometricError) {
        E(`${path}.geometricError`, `${ge} is larger than ${parent.relation} geometricError ${parent.geometricError} (it must not grow from parent to child)`);
      }
    }

    // refine
    if (t.refine !== undefined) {
      if (t.refine === 'ADD' || t.refine === 'REPLACE') {
        /* ok */
      } else if (typeof t.refine === 'string' && ['ADD', 'REPLACE'].includes(t.refine.toUpperCase())) {
        W(`${path}.refine`, `must be upper case "${t.refine.toUpperCase()}", got "${t.refine}"`);
      } else E(`${path}.refine`, `expected "ADD" or "REPLACE", got ${typeName(t.refine)}`);
    }

    // contents
    if (t.content !== undefined && t.contents !== undefined) E(path, 'has both content and contents (use one)');
    if (t.contents !== undefined && !Array.isArray(t.contents)) E(`${path}.contents`, `expected an array, got ${typeName(t.contents)}`);
    if (ctx.version === '1.0' && (t.contents !== undefined || t.implicitTiling !== undefined)) {
      W(path, `uses 3D Tiles 1.1 ${t.contents !== undefined ? 'contents' : 'implicitTiling'} in a "1.0" tileset`);
    }
    const contents: [unknown, string][] = [];
    if (t.content !== undefined) contents.push([t.content, `${path}.content`]);
    if (Array.isArray(t.contents)) t.contents.forEach((c: unknown, i: number) => contents.push([c, `${path}.contents[${i}]`]));

    const here: ParentContext = { volume: placed, volumeKind: placed?.kind ?? '', transform, geometricError, relation: "its parent's" };

    if (t.implicitTiling !== undefined) {
      this.implicit(t, path, file, tilesetAbs, contents);
      return;
    }

    let externalTileset = false;
    for (const [c, cpath] of contents) {
      if (typeof c !== 'object' || c === null) {
        E(cpath, `expected a content object, got ${typeName(c)}`);
        continue;
      }
      const content = c as Record<string, any>;
      let uri = content.uri;
      if (uri === undefined && typeof content.url === 'string') {
        W(`${cpath}.url`, '"url" is the pre-1.0 name; 3D Tiles 1.0 and 1.1 use "uri"');
        uri = content.url;
      }
      if (typeof uri !== 'string' || uri === '') {
        E(`${cpath}.uri`, `expected a URI, got ${typeName(uri)}`);
        continue;
      }
      if (content.group !== undefined && (!Number.isInteger(content.group) || content.group < 0 || content.group >= ctx.groups)) {
        E(`${cpath}.group`, `${typeName(content.group)} is not an index into the tileset's groups (${ctx.groups})`);
      }
      if (content.boundingVolume !== undefined) {
        const { volume, problems } = parseBoundingVolume(content.boundingVolume);
        for (const p of problems) E(`${cpath}.boundingVolume${p.path ? `.${p.path}` : ''}`, p.message);
        if (volume && placed) {
          const excess = excessOutside(placed, placeVolume(volume, transform));
          if (excess > this.tolerance) W(`${cpath}.boundingVolume`, `reaches ${fmt(excess)} m outside its tile's ${placed.kind} (tolerance ${this.tolerance} m)`);
        }
      }
      const kind = this.content(uri, cpath, file, tilesetAbs, { ...here, relation: "the referring tile's" }, false);
      if (kind === 'tileset') externalTileset = true;
    }

    if (t.children !== undefined) {
      if (!Array.isArray(t.children)) {
        E(`${path}.children`, `expected an array of tiles, got ${typeName(t.children)}`);
        return;
      }
      if (t.children.length === 0) W(`${path}.children`, 'is an empty array (leave it out instead)');
      if (externalTileset && t.children.length > 0) E(`${path}.children`, 'a tile whose content is an external tileset must not have children');
      t.children.forEach((child: unknown, i: number) => this.walkTile(child, `${path}.children[${i}]`, file, tilesetAbs, here, ctx));
    }
  }

  /** Resolves a content URI relative to a file; null for remote URIs. */
  private resolveUri(uri: string, fromAbs: string): string | null {
    if (SCHEME_RE.test(uri)) return null;
    let p = uri.split(/[?#]/)[0]!;
    try {
      p = decodeURIComponent(p);
    } catch {
      /* keep as written */
    }
    return resolve(dirname(fromAbs), p);
  }

  private readData(uri: string): Uint8Array | null {
    const m = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(uri);
    if (!m) return null;
    return m[2] ? new Uint8Array(Buffer.from(m[3]!, 'base64')) : new TextEncoder().encode(decodeURIComponent(m[3]!));
  }

  /**
   * Checks one content URI; returns its kind ('tileset' for an external tileset) or null when
   * it could not be read. `implicit`: the content of an implicit tile (no external tilesets).
   */
  private content(uri: string, cpath: string, file: string, tilesetAbs: string, tileCtx: ParentContext, implicit: boolean, note = ''): string | null {
    const E = (msg: string) => this.issues.error(file, cpath, `${uri}${note}: ${msg}`);
    const W = (msg: string) => this.issues.warn(file, cpath, `${uri}${note}: ${msg}`);
    let bytes: Uint8Array | null = null;
    let abs: string | null = null;
    if (uri.startsWith('data:')) {
      bytes = this.readData(uri);
      if (!bytes) {
        E('not a valid data: URI');
        return null;
      }
    } else {
      abs = this.resolveUri(uri, tilesetAbs);
      if (abs === null) {
        W('remote content, not checked');
        return null;
      }
      if (this.stack.includes(abs)) {
        E(`refers back to ${this.label(abs)}, which contains this tile (a cycle of external tilesets)`);
        return 'tileset';
      }
      const seen = this.validated.get(abs);
      if (seen) {
        // an external tileset referenced again: it was validated; check where it sits here
        this.checkExternalRoot(seen, abs, cpath, file, tileCtx);
        return 'tileset';
      }
      if (this.files.has(abs)) return 'checked';
      if (!existsSync(abs) || !statSync(abs).isFile()) {
        E(`file not found${this.label(abs) !== uri ? ` (looked for ${this.label(abs)})` : ''}`);
        return null;
      }
      this.files.add(abs);
      bytes = new Uint8Array(readFileSync(abs));
    }
    const check = checkContent(bytes, uri.startsWith('data:') ? '' : uri);
    for (const p of check.problems) (p.severity === 'ERROR' ? E : W)(p.message);
    for (const ref of check.refs) {
      const r = this.resolveUri(ref, abs ?? tilesetAbs);
      if (r !== null && !existsSync(r)) E(`refers to ${ref}, which is not found (looked for ${this.label(r)})`);
    }
    if (check.kind === 'json') {
      const j = check.json as Record<string, unknown> | undefined;
      const isTileset = !!j && typeof j === 'object' && ('root' in j || 'asset' in j);
      if (!isTileset) {
        E('JSON content that is neither a tileset nor glTF');
        return 'json';
      }
      if (implicit) {
        E('the content of an implicit tile must not be an external tileset');
        return 'tileset';
      }
      if (abs) this.validateTileset(j, abs, tileCtx);
      return 'tileset';
    }
    return check.kind;
  }

  /** A second reference to an external tileset: its root against this referring tile. */
  private checkExternalRoot(ts: Record<string, any>, abs: string, cpath: string, file: string, tileCtx: ParentContext): void {
    const root = ts.root;
    if (typeof root !== 'object' || root === null) return;
    let transform = tileCtx.transform;
    if (root.transform !== undefined && transformProblems(root.transform).length === 0) transform = composeTransform(transform, root.transform);
    const { volume } = parseBoundingVolume(root.boundingVolume);
    if (volume && tileCtx.volume) {
      const placed = placeVolume(volume, transform);
      const excess = excessOutside(tileCtx.volume, placed);
      if (excess > this.tolerance) {
        this.issues.error(this.label(abs), 'root.boundingVolume', `${placed.kind} reaches ${fmt(excess)} m outside the referring tile's ${tileCtx.volume.kind} (${file}: ${cpath}; tolerance ${this.tolerance} m)`);
      }
    }
  }

  private implicit(t: Record<string, any>, path: string, file: string, tilesetAbs: string, contents: [unknown, string][]): void {
    const { settings, problems } = checkImplicitTiling(t);
    for (const p of problems) (p.severity === 'ERROR' ? this.issues.error.bind(this.issues) : this.issues.warn.bind(this.issues))(file, `${path}.${p.path}`, p.message);
    if (!settings) return;
    const templates: { uri: string; path: string }[] = [];
    for (const [c, cpath] of contents) {
      const uri = (c as { uri?: unknown } | null)?.uri;
      if (typeof uri !== 'string' || uri === '') this.issues.error(file, `${cpath}.uri`, `expected a template URI, got ${typeName(uri)}`);
      else templates.push({ uri, path: cpath });
    }
    this.walkSubtrees(settings, templates, path, file, tilesetAbs, contents.length);
  }

  private walkSubtrees(s: ImplicitSettings, templates: { uri: string; path: string }[], path: string, file: string, tilesetAbs: string, contentCount: number): void {
    const n = s.scheme === 'OCTREE' ? 8 : 4;
    const coordText = (c: TileCoord) => `${c.level}/${c.x}/${c.y}${s.scheme === 'OCTREE' ? `/${c.z}` : ''}`;
    const spath = `${path}.implicitTiling.subtrees`;
    const queue: { root: TileCoord; fromParent: boolean }[] = [{ root: { level: 0, x: 0, y: 0, z: 0 }, fromParent: false }];
    const noCtx: ParentContext = { volume: null, volumeKind: '', transform: IDENTITY, geometricError: null, relation: '' };
    while (queue.length > 0) {
      const { root, fromParent } = queue.shift()!;
      const uri = substitute(s.subtreeTemplate, root);
      const abs = this.resolveUri(uri, tilesetAbs);
      const E = (msg: string) => this.issues.error(file, spath, `${uri}: ${msg}`);
      const W = (msg: string) => this.issues.warn(file, spath, `${uri}: ${msg}`);
      if (abs === null) {
        W('remote subtree, not checked');
        continue;
      }
      if (!existsSync(abs)) {
        E(
          fromParent
            ? `file not found (subtree ${coordText(root)} is marked available in its parent subtree)`
            : `file not found (the root subtree of the implicit tileset, ${this.label(abs)})`,
        );
        continue;
      }
      this.files.add(abs);
      const { subtree, problems } = parseSubtree({
        bytes: new Uint8Array(readFileSync(abs)),
        loadBuffer: (bufUri) => {
          const p = this.resolveUri(bufUri, abs);
          return p && existsSync(p) ? new Uint8Array(readFileSync(p)) : null;
        },
        scheme: s.scheme,
        subtreeLevels: s.subtreeLevels,
        contentCount,
      });
      for (const p of problems) (p.severity === 'ERROR' ? E : W)(p.message);
      if (!subtree) continue;
      const levels = Math.min(s.subtreeLevels, s.availableLevels - root.level);
      let offset = 0;
      for (let l = 0; l < s.subtreeLevels; l++) {
        const count = n ** l;
        for (let m = 0; m < count; m++) {
          const bit = offset + m;
          const available = subtree.tile.get(bit);
          const local = mortonDecode(m, s.scheme);
          const coord: TileCoord = { level: root.level + l, x: root.x * 2 ** l + local.x, y: root.y * 2 ** l + local.y, z: root.z * 2 ** l + local.z };
          if (available && l >= levels) {
            E(`tile ${coordText(coord)} is marked available, but availableLevels is ${s.availableLevels}`);
            continue;
          }
          if (available && l > 0) {
            const parentBit = (n ** (l - 1) - 1) / (n - 1) + Math.floor(m / n);
            if (!subtree.tile.get(parentBit)) E(`tile ${coordText(coord)} is available but its parent is not`);
          }
          if (available && coord.level > 0) {
            // (the implicit root, 0/0/0, is the explicit tile already counted)
            if (this.tiles >= this.maxTiles) {
              if (!this.tooMany) this.issues.warn(file, path, `stopped after ${this.maxTiles} tiles (--max-tiles)`);
              this.tooMany = true;
              return;
            }
            this.tiles++;
          }
          subtree.content.forEach((ca, ci) => {
            if (!ca.get(bit)) return;
            if (!available) {
              E(`content ${ci} of tile ${coordText(coord)} is available but the tile is not`);
              return;
            }
            const t = templates[ci];
            if (!t) return;
            this.content(substitute(t.uri, coord), t.path, file, tilesetAbs, noCtx, true, ` (implicit tile ${coordText(coord)})`);
          });
        }
        offset += count;
      }
      // child subtrees
      const childCount = n ** s.subtreeLevels;
      const leafOffset = (n ** (s.subtreeLevels - 1) - 1) / (n - 1);
      for (let c = 0; c < childCount; c++) {
        if (!subtree.childSubtree.get(c)) continue;
        const local = mortonDecode(c, s.scheme);
        const sl = s.subtreeLevels;
        const child: TileCoord = { level: root.level + sl, x: root.x * 2 ** sl + local.x, y: root.y * 2 ** sl + local.y, z: root.z * 2 ** sl + local.z };
        if (child.level >= s.availableLevels) {
          E(`child subtree ${coordText(child)} is marked available, but availableLevels is ${s.availableLevels}`);
          continue;
        }
        if (!subtree.tile.get(leafOffset + Math.floor(c / n))) E(`child subtree ${coordText(child)} is available but its parent tile is not`);
        queue.push({ root: child, fromParent: true });
      }
    }
  }
}

/** Reads and parses a JSON file; an `error` text for a missing file or broken JSON. */
export function readJsonFile(abs: string): { ok: true; value: unknown } | { ok: false; error: string } {
  if (!existsSync(abs)) return { ok: false, error: 'file not found' };
  if (!statSync(abs).isFile()) return { ok: false, error: 'not a file' };
  const text = readFileSync(abs, 'utf8').replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: `not valid JSON: ${jsonErrorText(e, text)}` };
  }
}
