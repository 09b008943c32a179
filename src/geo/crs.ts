/**
 * The CRS registry: one place that knows every coordinate reference system the app uses,
 * and the converters between them.
 *
 * - `registerCrs` feeds both proj4's definition table and this registry; it is how later
 *   code adds a CRS.
 * - `getConverter(from, to)` returns a cached converter on plain tuples. Coordinates are
 *   always (x = easting or longitude, y = northing or latitude, z = height or ECEF Z):
 *   degrees for geographic CRSs, metres otherwise, whatever the authority's axis order.
 * - Geocentric CRSs (EPSG:4978) go through ./ellipsoid rather than proj4's `geocent`, so
 *   projected ⇄ ECEF conversions carry ellipsoidal heights exactly.
 * - Heights are ellipsoidal (GRS80 ≈ WGS84) and pass through horizontal conversions
 *   unchanged; RH 2000 (EPSG:5613) is a vertical CRS handled by ./heights.
 */
import proj4 from 'proj4';
import { ecefToGeodetic, geodeticToEcef, type Vec3 } from './ellipsoid';
import { normaliseCrsCode, type CrsCode } from './crs-code';
import { BUILTIN_CRS, type CrsDefinition } from './crs-definitions';
import { isRecord } from '../shared/is-record';

export type { CrsCode } from './crs-code';

/** A 2-D coordinate pair, `[x, y]` (easting/longitude first). */
export type Vec2 = [number, number];

/** Converts coordinates between two CRSs. */
export interface CrsConverter {
  /** Canonical code of the source CRS. */
  readonly from: string;
  /** Canonical code of the target CRS. */
  readonly to: string;
  /**
   * Source → target. `x, y` are easting/northing (metres), longitude/latitude (degrees) or
   * ECEF X/Y (metres); `z` is the ellipsoidal height or ECEF Z in metres (default 0).
   * Returns a new `[x, y, z]`.
   */
  forward(x: number, y: number, z?: number): Vec3;
  /** Target → source, same conventions as `forward`. */
  inverse(x: number, y: number, z?: number): Vec3;
}

/** Options for `registerCrs`. */
export interface RegisterCrsOptions {
  /** Allow redefining an already registered code with a different definition. */
  replace?: boolean;
}

const WGS84 = 'EPSG:4326';

const registry = new Map<string, CrsDefinition>();
const converters = new Map<string, CrsConverter>();

/** JSON with object keys sorted, so that key order does not matter when comparing. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function validate(def: CrsDefinition): void {
  if (!def.name) throw new TypeError(`CRS "${def.code}" needs a name`);
  const needsProj4 = def.kind === 'geographic' || def.kind === 'projected';
  if (needsProj4 && !def.proj4) throw new TypeError(`CRS "${def.code}" is ${def.kind} and needs a proj4 definition`);
  if (def.kind === 'vertical' && def.proj4) throw new TypeError(`CRS "${def.code}" is vertical: it takes no proj4 definition`);
  const expectedUnits = def.kind === 'geographic' ? 'degree' : 'metre';
  if (def.units !== expectedUnits) {
    throw new TypeError(`CRS "${def.code}" is ${def.kind}: its units must be '${expectedUnits}', not '${def.units}'`);
  }
  if (needsProj4) {
    try {
      // Building a converter parses the definition and fails on unknown projections.
      proj4(def.proj4!, proj4.WGS84).forward([0, 0]);
    } catch (error) {
      throw new TypeError(`CRS "${def.code}" has an invalid proj4 definition "${def.proj4}": ${(error as Error).message}`);
    }
  }
}

/**
 * Adds a CRS to the registry and, when it has one, its proj4 definition to proj4.
 * Registering an identical definition again is a no-op.
 * @param def the definition; its `code` may be in any accepted spelling and is stored normalised
 * @returns the stored (frozen, normalised) definition
 * @throws TypeError for an invalid definition, or a different definition of an existing
 *   code without `{ replace: true }`
 */
export function registerCrs(def: CrsDefinition, options: RegisterCrsOptions = {}): CrsDefinition {
  const code = normaliseCrsCode(def.code);
  const stored: CrsDefinition = deepFreeze({ ...structuredClone(def), code });
  const existing = registry.get(code);
  if (existing) {
    if (canonicalJson(existing) === canonicalJson(stored)) return existing;
    if (!options.replace) {
      throw new TypeError(`CRS "${code}" is already registered (as "${existing.name}"); pass { replace: true } to redefine it`);
    }
  }
  validate(stored);
  if (stored.proj4) proj4.defs(code, stored.proj4);
  registry.set(code, stored);
  if (existing) {
    for (const key of [...converters.keys()]) {
      const [from, to] = key.split('|');
      if (from === code || to === code) converters.delete(key);
    }
  }
  return stored;
}

/** Whether a CRS is registered (any accepted spelling). */
export function hasCrs(code: CrsCode): boolean {
  return registry.has(normaliseCrsCode(code));
}

/**
 * Looks a CRS up by any accepted spelling: `'EPSG:3006'`, `'3006'`, `3006`,
 * `'urn:ogc:def:crs:EPSG::3006'`, `'http://www.opengis.net/def/crs/EPSG/0/3006'`.
 * @throws Error `Unknown CRS "EPSG:9999": registered are EPSG:4326, …`
 */
export function getCrs(code: CrsCode): CrsDefinition {
  const key = normaliseCrsCode(code);
  const def = registry.get(key);
  if (!def) throw new Error(`Unknown CRS "${key}": registered are ${[...registry.keys()].join(', ')}`);
  return def;
}

/** Every registered CRS, in registration order (built-ins first). */
export function listCrs(): CrsDefinition[] {
  return [...registry.values()];
}

/** A one-way step between a CRS and WGS84 geodetic (lon°, lat°, h m). */
type Step = (x: number, y: number, z: number) => Vec3;

const identity: Step = (x, y, z) => [x, y, z];

function proj4Step(from: string, to: string): { forward: Step; inverse: Step } {
  const converter = proj4(from, to);
  const run = (fn: typeof converter.forward): Step => (x, y, z) => {
    const out = fn([x, y, z]);
    return [out[0]!, out[1]!, out[2] ?? z];
  };
  return { forward: run(converter.forward), inverse: run(converter.inverse) };
}

/** Steps from a CRS to WGS84 geodetic and back. */
function geodeticSteps(def: CrsDefinition): { toGeodetic: Step; fromGeodetic: Step } {
  switch (def.kind) {
    case 'geocentric':
      return { toGeodetic: (x, y, z) => ecefToGeodetic(x, y, z), fromGeodetic: (lon, lat, h) => geodeticToEcef(lon, lat, h) };
    case 'geographic':
    case 'projected': {
      if (def.code === WGS84) return { toGeodetic: identity, fromGeodetic: identity };
      const step = proj4Step(def.code, WGS84);
      return { toGeodetic: step.forward, fromGeodetic: step.inverse };
    }
    case 'vertical':
      throw new Error(`CRS "${def.code}" (${def.name}) is a vertical CRS: convert its heights with rh2000ToEllipsoidal/ellipsoidalToRh2000 from src/geo/heights`);
  }
}

function buildConverter(from: CrsDefinition, to: CrsDefinition): CrsConverter {
  let forward: Step;
  let inverse: Step;
  if (from.code === to.code) {
    forward = identity;
    inverse = identity;
  } else if (from.kind !== 'geocentric' && to.kind !== 'geocentric' && from.kind !== 'vertical' && to.kind !== 'vertical') {
    ({ forward, inverse } = proj4Step(from.code, to.code));
  } else {
    const a = geodeticSteps(from);
    const b = geodeticSteps(to);
    forward = (x, y, z) => {
      const g = a.toGeodetic(x, y, z);
      return b.fromGeodetic(g[0], g[1], g[2]);
    };
    inverse = (x, y, z) => {
      const g = b.toGeodetic(x, y, z);
      return a.fromGeodetic(g[0], g[1], g[2]);
    };
  }
  return Object.freeze({
    from: from.code,
    to: to.code,
    forward: (x: number, y: number, z = 0) => forward(x, y, z),
    inverse: (x: number, y: number, z = 0) => inverse(x, y, z),
  });
}

/**
 * The converter between two registered CRSs (any accepted spelling), cached per pair:
 * the same object comes back for the same (from, to).
 * @throws Error for an unknown code, or when either CRS is vertical
 */
export function getConverter(from: CrsCode, to: CrsCode): CrsConverter {
  const a = getCrs(from);
  const b = getCrs(to);
  const key = `${a.code}|${b.code}`;
  let converter = converters.get(key);
  if (!converter) {
    if (a.kind === 'vertical' || b.kind === 'vertical') geodeticSteps(a.kind === 'vertical' ? a : b);
    converter = buildConverter(a, b);
    converters.set(key, converter);
  }
  return converter;
}

/**
 * CRS coordinates to WGS84 longitude/latitude.
 * @returns `[lon, lat]` in degrees
 */
export function toWgs84(code: CrsCode, x: number, y: number): Vec2 {
  const [lon, lat] = getConverter(code, WGS84).forward(x, y);
  return [lon, lat];
}

/**
 * WGS84 longitude/latitude (degrees) to CRS coordinates.
 * @returns `[x, y]`: easting/northing in metres for projected CRSs
 */
export function fromWgs84(code: CrsCode, lon: number, lat: number): Vec2 {
  const [x, y] = getConverter(WGS84, code).forward(lon, lat);
  return [x, y];
}

for (const def of BUILTIN_CRS) registerCrs(def);
