/**
 * The source CRS of a CityJSON file: `metadata.referenceSystem` (any spelling: CityJSON 1.0's
 * `urn:ogc:def:crs:EPSG::7415`, 1.1/2.0's `https://www.opengis.net/def/crs/EPSG/0/7415`, or
 * `EPSG:7415`) or `--crs`, split into horizontal and vertical parts (src/geo/vertical.ts).
 *
 * Heights: a compound CRS names its height system (EPSG:7415 → NAP). A file that names only a
 * horizontal CRS gets that country's usual height system (RD New → NAP, LV95 → LN02, SWEREF 99 →
 * RH 2000), with a note in the report. Gravity-related heights become ellipsoidal with the coarse
 * EGM96 geoid of src/geo/vertical.ts; other CRSs' heights are taken as ellipsoidal.
 */
import { getConverter, getCrs, listCrs } from '../../src/geo/crs';
import type { CrsDefinition } from '../../src/geo/crs-definitions';
import type { GeoidModel } from '../../src/geo/heights';
import { geoidModelFor, splitCrs, usualVerticalCrs } from '../../src/geo/vertical';
import { CityJsonInputError } from './read';

export interface SourceCrs {
  /** Canonical code as used (`EPSG:7415`, `EPSG:2056+5728`…). */
  code: string;
  /** `EPSG:7415 (Amersfoort / RD New + NAP height)`. */
  label: string;
  horizontal: CrsDefinition;
  vertical: CrsDefinition | null;
  /** Where the CRS came from. */
  from: 'file' | 'option';
  /** Assumptions and accuracy statements, for the report. */
  notes: string[];
  geoid: GeoidModel | null;
  /** Source x, y, z → longitude°, latitude°, ellipsoidal height (m). Throws RangeError outside the geoid grid. */
  toGeodetic(x: number, y: number, z: number): [number, number, number];
}

/** Codes a user can pass (horizontal or compound), for error messages. */
export function knownCrsCodes(): string[] {
  return listCrs()
    .filter((d) => d.kind === 'projected' || d.kind === 'geographic')
    .map((d) => d.code);
}

function unknownCrs(code: string, from: string): CityJsonInputError {
  return new CityJsonInputError(
    `${from} names the CRS "${code}", which this tool does not know. Known CRSs: ${knownCrsCodes().join(', ')}; ` +
      'heights: ' +
      listCrs()
        .filter((d) => d.kind === 'vertical')
        .map((d) => d.code)
        .join(', ') +
      ' (combine as EPSG:<horizontal>+<vertical>, e.g. EPSG:2056+5728).',
  );
}

/**
 * Resolves the CRS to read a file in.
 * @param fileCrs `metadata.referenceSystem` of the file, if any
 * @param option `--crs`, if given (wins over the file's)
 */
export function resolveSourceCrs(fileCrs: string | undefined, option: string | undefined): SourceCrs {
  const from: SourceCrs['from'] = option ? 'option' : 'file';
  const raw = option ?? fileCrs;
  if (!raw) {
    throw new CityJsonInputError(
      'the file has no metadata.referenceSystem, so its coordinates cannot be placed on the globe: pass --crs ' +
        '(e.g. --crs EPSG:7415 for Dutch RD New + NAP, --crs EPSG:2056 for Swiss LV95, --crs EPSG:3006 for SWEREF 99 TM)',
    );
  }
  let split;
  try {
    split = splitCrs(raw);
  } catch (e) {
    const msg = (e as Error).message;
    if (/^Unknown CRS "([^"]+)"/.test(msg)) throw unknownCrs(/^Unknown CRS "([^"]+)"/.exec(msg)![1]!, option ? '--crs' : 'metadata.referenceSystem');
    throw new CityJsonInputError(`${option ? '--crs' : 'metadata.referenceSystem'}: ${msg}`);
  }
  const notes: string[] = [];
  let vertical = split.vertical;
  if (!vertical) {
    const usual = usualVerticalCrs(split.horizontal.code);
    if (usual) {
      vertical = getCrs(usual);
      notes.push(`${split.code} names no height system: heights are taken as ${vertical.name} (${vertical.code}), as usual for data in ${split.horizontal.name}.`);
    } else if (split.horizontal.kind !== 'geocentric') {
      notes.push(`${split.code} names no height system: heights are taken as ellipsoidal (WGS84).`);
    }
  }
  let geoid: GeoidModel | null = null;
  if (vertical) {
    try {
      geoid = geoidModelFor(vertical.code);
    } catch (e) {
      throw new CityJsonInputError(`${(e as Error).message}; pass --crs with one of those height systems, or a CRS without heights`);
    }
    notes.push(geoid.description);
  }
  if (split.horizontal.accuracy) notes.push(`${split.horizontal.code} to WGS84: ${split.horizontal.accuracy}.`);
  if (split.horizontal.kind === 'geocentric') throw new CityJsonInputError(`${split.code} is geocentric (ECEF): CityJSON in ECEF is not supported`);

  const conv = getConverter(split.horizontal.code, 'EPSG:4326');
  const g = geoid;
  const vCode = vertical?.code;
  const toGeodetic = (x: number, y: number, z: number): [number, number, number] => {
    const [lon, lat] = conv.forward(x, y, z);
    let h = z;
    if (g) {
      try {
        h = z + g.geoidHeight(lon, lat);
      } catch {
        throw new CityJsonInputError(
          `a vertex at ${lon.toFixed(5)}°E ${lat.toFixed(5)}°N lies outside the geoid grid for ${vCode}: is the CRS right?`,
        );
      }
    }
    return [lon, lat, h];
  };
  const code = split.code;
  const label = `${code} (${split.horizontal.name}${vertical ? ` + ${vertical.name}` : ''})`;
  return { code, label, horizontal: split.horizontal, vertical, from, notes, geoid, toGeodetic };
}

/**
 * Checks that a dataset's horizontal extent fits the CRS's area of use (with a margin of 50 km),
 * which catches a wrong `--crs` or swapped axes before anything lands in the wrong country.
 */
export function checkExtent(crs: SourceCrs, min: [number, number], max: [number, number]): void {
  const b = crs.horizontal.bounds;
  const fmt = (v: number) => (Math.abs(v) >= 1000 ? v.toFixed(0) : v.toFixed(4));
  const extent = `x ${fmt(min[0])}…${fmt(max[0])}, y ${fmt(min[1])}…${fmt(max[1])}`;
  if (crs.horizontal.kind === 'geographic') {
    if (min[0] < -180 || max[0] > 180 || min[1] < -90 || max[1] > 90) {
      throw new CityJsonInputError(`the coordinates (${extent}) are not longitude/latitude degrees, but the CRS is ${crs.label}: is the CRS right?`);
    }
    return;
  }
  const p = b?.projected;
  if (!p) return;
  const margin = 50_000;
  const inside =
    min[0] >= p.minEasting - margin && max[0] <= p.maxEasting + margin && min[1] >= p.minNorthing - margin && max[1] <= p.maxNorthing + margin;
  if (!inside) {
    throw new CityJsonInputError(
      `the coordinates (${extent}) lie outside the area of ${crs.label} (easting ${p.minEasting}…${p.maxEasting}, northing ` +
        `${p.minNorthing}…${p.maxNorthing}): the CRS is probably wrong${crs.from === 'file' ? ' in the file; override it with --crs' : ''}`,
    );
  }
}
