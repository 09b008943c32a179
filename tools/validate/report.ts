/**
 * What the validator found: issues with a severity, the file they are in (relative to the
 * input's folder), a JSON path inside it and a message; counters; text and JSON output.
 */

export type Severity = 'ERROR' | 'WARN';

export interface Issue {
  severity: Severity;
  /** The file, relative to the folder of the file given on the command line ('/' separated). */
  file: string;
  /** Where in the file, e.g. `root.children[2].boundingVolume` or `layers[1].url`; may be empty. */
  path: string;
  message: string;
}

export interface Report {
  /** The file given on the command line, as given. */
  input: string;
  kind: 'tileset' | 'scene';
  ok: boolean;
  errors: number;
  warnings: number;
  /** Tiles visited (explicit tiles plus available implicit tiles), external tilesets included. */
  tiles: number;
  /** Distinct content files checked (glb, b3dm, i3dm, pnts, cmpt, glTF, external tilesets, subtrees). */
  contentFiles: number;
  /** Scenes: layers in the document. */
  layers?: number;
  issues: Issue[];
}

export class Issues {
  readonly list: Issue[] = [];

  error(file: string, path: string, message: string): void {
    this.list.push({ severity: 'ERROR', file, path, message });
  }

  warn(file: string, path: string, message: string): void {
    this.list.push({ severity: 'WARN', file, path, message });
  }

  get errors(): number {
    return this.list.filter((i) => i.severity === 'ERROR').length;
  }

  get warnings(): number {
    return this.list.filter((i) => i.severity === 'WARN').length;
  }
}

/** `ERROR tileset.json: root.children[2]: geometricError 20 is larger than its parent's 10`. */
export function formatIssue(i: Issue): string {
  const where = [i.file, i.path].filter(Boolean).join(': ');
  return `${i.severity} ${where ? `${where}: ` : ''}${i.message}`;
}

/** `1 tile`, `3 tiles`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `2 errors, 1 warning, 48 tiles, 47 content files checked`. */
export function formatSummary(r: Report): string {
  const parts = [plural(r.errors, 'error'), plural(r.warnings, 'warning')];
  if (r.layers !== undefined) parts.push(plural(r.layers, 'layer'));
  if (r.kind === 'tileset' || r.tiles > 0) parts.push(plural(r.tiles, 'tile'), `${plural(r.contentFiles, 'content file')} checked`);
  else parts[parts.length - 1] += ' checked';
  return parts.join(', ');
}
