/**
 * Attributes of footprints: building heights, base elevations, ids, and the typed property
 * table every building carries into its tile (EXT_structural_metadata).
 *
 * Heights (metres from the base to the top) come from `--height <attr>`, or else from the
 * first attribute of `HEIGHT_ATTRIBUTES` (metres) or `LEVEL_ATTRIBUTES` (storeys × the level
 * height, 3 m by default) that holds a usable value: a number, or a numeric string with an
 * optional unit `m` ("12", "12.5 m", "12,5"), greater than 0 and at most 1000 m. Names are
 * compared case-insensitively with diacritics folded (höjd = hojd = HOJD).
 */
import type { ClassDef, PropertyDef, PropertyValue, ScalarComponentType } from '../lib/metadata';

/** Attribute names holding a height in metres, in order of preference. */
export const HEIGHT_ATTRIBUTES = [
  'height', // OSM, Overture, Microsoft footprints (-1 there means unknown: rejected as ≤ 0)
  'measuredHeight', // CityGML / INSPIRE
  'building:height', // OSM variants
  'building_height',
  'hojd', // Lantmäteriet and Swedish municipalities: höjd, HOJD…
  'byggnadshojd',
  'totalhojd',
  'hoehe', // German: Höhe
  'hauteur', // French
  'hoogte', // Dutch
] as const;

/** Attribute names holding a number of storeys (× the level height), in order of preference. */
export const LEVEL_ATTRIBUTES = [
  'building:levels', // OSM
  'building_levels',
  'levels',
  'num_floors', // Overture
  'storeys',
  'stories',
  'floors',
  'vaningar', // Swedish: våningar, antal_vaningar
  'antal_vaningar',
  'vaningsantal',
] as const;

export const MAX_HEIGHT = 1000;

/** Lower case, diacritics removed: `Höjd` → `hojd`. */
export function foldName(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** A positive number of metres from a number or a string like "12", "12.5 m", "12,5"; else null. */
export function parseMetres(v: unknown): number | null {
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const m = /^\s*([-+]?\d+(?:[.,]\d+)?)\s*(?:m|meter|metre|meters|metres)?\s*$/i.exec(v);
    if (!m) return null;
    n = Number(m[1]!.replace(',', '.'));
  } else return null;
  return Number.isFinite(n) && n > 0 && n <= MAX_HEIGHT ? n : null;
}

/** Any finite number (base elevations may be negative or zero), from a number or a numeric string. */
export function parseElevation(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') {
    const m = /^\s*([-+]?\d+(?:[.,]\d+)?)\s*(?:m)?\s*$/i.exec(v);
    return m ? Number(m[1]!.replace(',', '.')) : null;
  }
  return null;
}

export interface HeightChoice {
  /** Metres, or null when no attribute gave a usable value. */
  height: number | null;
  /** The attribute used (levels attributes as `building:levels × 3 m`), or why none was. */
  source: string;
}

/**
 * Chooses each feature's height. With `attribute`, only that attribute (a levels attribute
 * such as `building:levels` is multiplied by `levelHeight`); without, the known names.
 */
export function createHeightPicker(options: { attribute?: string; levelHeight: number }): (props: Record<string, unknown> | null) => HeightChoice {
  const levelFolded = new Set<string>(LEVEL_ATTRIBUTES.map(foldName));
  const heightRank = new Map<string, number>(HEIGHT_ATTRIBUTES.map((n, i) => [foldName(n), i]));
  const levelRank = new Map<string, number>(LEVEL_ATTRIBUTES.map((n, i) => [foldName(n), 100 + i]));
  const lh = options.levelHeight;
  const levelsLabel = (k: string) => `${k} × ${lh} m`;
  if (options.attribute !== undefined) {
    const attr = options.attribute;
    const isLevels = levelFolded.has(foldName(attr));
    return (props) => {
      const v = props?.[attr];
      if (v === undefined || v === null) return { height: null, source: `missing ${attr}` };
      if (isLevels) {
        const n = parseMetres(v);
        return n !== null && n * lh <= MAX_HEIGHT ? { height: n * lh, source: levelsLabel(attr) } : { height: null, source: `unusable ${attr} ${short(v)}` };
      }
      const h = parseMetres(v);
      return h !== null ? { height: h, source: attr } : { height: null, source: `unusable ${attr} ${short(v)}` };
    };
  }
  // rank of every attribute name seen, cached (names repeat across features)
  const rankOf = new Map<string, number>();
  const rank = (k: string): number => {
    let r = rankOf.get(k);
    if (r === undefined) {
      const f = foldName(k);
      r = heightRank.get(f) ?? levelRank.get(f) ?? -1;
      rankOf.set(k, r);
    }
    return r;
  };
  return (props) => {
    if (!props) return { height: null, source: 'no attributes' };
    let best: { r: number; k: string } | null = null;
    const candidates: { r: number; k: string }[] = [];
    for (const k in props) {
      const r = rank(k);
      if (r >= 0) candidates.push({ r, k });
    }
    if (candidates.length === 0) return { height: null, source: 'no height attribute' };
    candidates.sort((a, b) => a.r - b.r);
    let firstBad = '';
    for (const c of candidates) {
      const v = props[c.k];
      const n = parseMetres(v);
      const h = n === null ? null : c.r >= 100 ? n * lh : n;
      if (h !== null && h <= MAX_HEIGHT) {
        best = c;
        return { height: h, source: c.r >= 100 ? levelsLabel(best.k) : best.k };
      }
      if (!firstBad) firstBad = `unusable ${c.k} ${short(v)}`;
    }
    return { height: null, source: firstBad };
  };
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** The id a feature is reported by: `--id` attribute, else the feature `id`, else `#<index>`. */
export function featureId(index: number, featureLevelId: unknown, props: Record<string, unknown> | null, idAttribute?: string): string {
  const v = idAttribute !== undefined ? props?.[idAttribute] : featureLevelId;
  if (typeof v === 'string' && v !== '') return v.length > 200 ? v.slice(0, 200) : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return `#${index}`;
}

// ---------------------------------------------------------------------------------------
// property table

/** Property ids must match `^[a-zA-Z_][a-zA-Z0-9_]*$` (EXT_structural_metadata). */
export function sanitiseId(name: string): string {
  let s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_]+/g, '_');
  if (s === '' || /^[0-9]/.test(s)) s = `_${s}`;
  return s;
}

interface Column {
  /** Attribute name in the source. */
  source: string;
  /** Property id in the table. */
  id: string;
  present: number;
  strings: number;
  numbers: number;
  booleans: number;
  integers: number;
  min: number;
  max: number;
}

/** Columns the converter adds to every building, after the source's attributes. */
export const DERIVED_COLUMNS = {
  twin_id: { type: 'STRING', description: 'The id this converter reports the building by (--id attribute, feature id or #index)' },
  twin_height: { type: 'SCALAR', componentType: 'FLOAT64', description: 'Extruded height used, metres' },
  twin_base: { type: 'SCALAR', componentType: 'FLOAT64', description: 'Base elevation used, metres above the WGS84 ellipsoid' },
  twin_height_source: { type: 'STRING', description: 'Where the height came from: an attribute name, "<levels attribute> × N m", or "default"' },
} as const satisfies Record<string, PropertyDef>;

export type PropertyColumnValue = string | number | boolean;

export interface FinalSchema {
  classDef: ClassDef;
  /** Ordered property ids: the source columns (by column index), then the derived ones. */
  ids: string[];
  /** Converts a raw cell (undefined when missing) of source column `i` to its table value. */
  cell(i: number, v: unknown): PropertyValue;
  /** Summary for the report. */
  columns: { id: string; source?: string; type: string; componentType?: string; present: number }[];
}

/**
 * Collects the scalar attributes of valid features into columns (pass 1) and types them
 * once all are seen: all booleans → BOOLEAN; all numbers → the smallest integer type that
 * fits when every building has an integer value, else FLOAT64 (missing values are NaN);
 * anything else → STRING (numbers written as text; missing values are ""). Attributes that
 * are objects or arrays are dropped and counted. At most `maxColumns` columns are kept.
 */
export class PropertyCollector {
  private readonly byName = new Map<string, number>();
  readonly columns: Column[] = [];
  readonly dropped = new Map<string, number>();
  rows = 0;

  constructor(private readonly maxColumns = 256) {}

  /** Registers one valid feature's attributes; returns its row as JSON (values by column index). */
  add(props: Record<string, unknown> | null): string {
    this.rows++;
    const row: unknown[] = [];
    if (props) {
      for (const k in props) {
        const v = props[k];
        if (v === null || v === undefined) continue;
        const t = typeof v;
        if (t !== 'string' && t !== 'number' && t !== 'boolean') {
          this.dropped.set(k, (this.dropped.get(k) ?? 0) + 1);
          continue;
        }
        let i = this.byName.get(k);
        if (i === undefined) {
          if (this.columns.length >= this.maxColumns) {
            this.dropped.set(k, (this.dropped.get(k) ?? 0) + 1);
            continue;
          }
          i = this.columns.length;
          this.byName.set(k, i);
          this.columns.push({ source: k, id: '', present: 0, strings: 0, numbers: 0, booleans: 0, integers: 0, min: Infinity, max: -Infinity });
        }
        const c = this.columns[i]!;
        c.present++;
        if (t === 'string') c.strings++;
        else if (t === 'boolean') c.booleans++;
        else {
          const n = v as number;
          c.numbers++;
          if (Number.isInteger(n)) c.integers++;
          if (n < c.min) c.min = n;
          if (n > c.max) c.max = n;
        }
        while (row.length < i) row.push(null);
        row[i] = v;
      }
    }
    return JSON.stringify(row);
  }

  /** Types the columns and names the properties. */
  finish(): FinalSchema {
    const used = new Set<string>(Object.keys(DERIVED_COLUMNS));
    const properties: Record<string, PropertyDef> = {};
    const kinds: ('string' | 'float' | 'int' | 'bool')[] = [];
    const columns: FinalSchema['columns'] = [];
    const ids: string[] = [];
    for (const c of this.columns) {
      let id = sanitiseId(c.source);
      if (used.has(id)) {
        let k = 2;
        while (used.has(`${id}_${k}`)) k++;
        id = `${id}_${k}`;
      }
      used.add(id);
      c.id = id;
      ids.push(id);
      const complete = c.present === this.rows;
      let def: PropertyDef;
      if (c.booleans === c.present && complete) {
        def = { type: 'BOOLEAN' };
        kinds.push('bool');
      } else if (c.numbers === c.present) {
        const int = complete && c.integers === c.present ? intType(c.min, c.max) : null;
        def = { type: 'SCALAR', componentType: int ?? 'FLOAT64' };
        kinds.push(int ? 'int' : 'float');
      } else {
        def = { type: 'STRING' };
        kinds.push('string');
      }
      if (id !== c.source) def.name = c.source;
      properties[id] = def;
      columns.push({ id, ...(id !== c.source ? { source: c.source } : {}), type: def.type, ...(def.type === 'SCALAR' ? { componentType: def.componentType } : {}), present: c.present });
    }
    for (const [id, def] of Object.entries(DERIVED_COLUMNS)) {
      properties[id] = { ...def };
      ids.push(id);
      columns.push({ id, type: def.type, ...('componentType' in def ? { componentType: def.componentType } : {}), present: this.rows });
    }
    return {
      classDef: { name: 'Building', description: 'A building extruded from its footprint; properties are the source attributes plus twin_* values of the conversion.', properties },
      ids,
      columns,
      cell(i, v) {
        switch (kinds[i]) {
          case 'bool':
            return v === true;
          case 'int':
            return typeof v === 'number' ? v : 0;
          case 'float':
            return typeof v === 'number' ? v : NaN;
          default:
            return v === undefined || v === null ? '' : String(v);
        }
      },
    };
  }
}

function intType(min: number, max: number): ScalarComponentType | null {
  if (min >= 0) {
    if (max <= 0xff) return 'UINT8';
    if (max <= 0xffff) return 'UINT16';
    if (max <= 0xffffffff) return 'UINT32';
    return null;
  }
  if (min >= -0x80 && max <= 0x7f) return 'INT8';
  if (min >= -0x8000 && max <= 0x7fff) return 'INT16';
  if (min >= -0x80000000 && max <= 0x7fffffff) return 'INT32';
  return null;
}
