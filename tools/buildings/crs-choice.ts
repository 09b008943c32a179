/** Which CRS the footprints are in, its area of use, and the message when coordinates do not fit it. */
import { getCrs, hasCrs } from '../../src/geo/crs';
import { normaliseCrsCode } from '../../src/geo/crs-code';
import type { AreaOfUse } from './geometry';
import { InputError, type DeclaredCrs } from './sources';

export interface CrsChoice {
  code: string;
  name: string;
  source: string;
  warning?: string;
}

/** Which CRS the coordinates are in: `--crs`, else the file's, else RFC 7946's WGS84. */
export function chooseCrs(declared: DeclaredCrs, option: string | undefined): CrsChoice {
  const known = () => ['EPSG:4326', ...listProjected()].join(', ');
  if (option !== undefined) {
    const code = normaliseCrsCode(option);
    if (!hasCrs(code)) throw new InputError(`unknown --crs ${option}: the CRS registry knows ${known()}`);
    const def = getCrs(code);
    let warning: string | undefined;
    if (declared.value !== null) {
      const fileCode = safeNormalise(declared.value);
      if (fileCode !== code) warning = `the ${declared.where} names ${declared.value}, but --crs ${option} was given: using ${code}`;
    }
    return { code, name: def.name, source: '--crs', ...(warning ? { warning } : {}) };
  }
  if (declared.value !== null) {
    const code = safeNormalise(declared.value);
    if (!hasCrs(code)) {
      throw new InputError(`the ${declared.where} names CRS ${declared.value}, which the CRS registry does not know (it knows ${known()}): reproject the file, or pass --crs with an equivalent code`);
    }
    return { code, name: getCrs(code).name, source: declared.where };
  }
  return { code: 'EPSG:4326', name: getCrs('EPSG:4326').name, source: 'RFC 7946 default (the file names no CRS)' };
}

function safeNormalise(v: string): string {
  try {
    return normaliseCrsCode(v);
  } catch {
    return v;
  }
}

function listProjected(): string[] {
  const out: string[] = [];
  for (const code of ['EPSG:3006', 'EPSG:3007', 'EPSG:3018', 'EPSG:28992', 'EPSG:7415', 'EPSG:2056']) if (hasCrs(code)) out.push(code);
  if (out.includes('EPSG:3007') && out.includes('EPSG:3018')) out.splice(out.indexOf('EPSG:3007'), 2, 'EPSG:3007–3018');
  return out;
}

export function areaOf(code: string): AreaOfUse {
  const def = getCrs(code);
  const kind = def.kind;
  if (kind !== 'geographic' && kind !== 'projected') throw new InputError(`CRS ${code} (${def.name}) is ${kind}: footprints need a geographic or projected (2D) CRS`);
  const g = def.bounds?.geographic;
  if (!g || (g.west <= -180 && g.east >= 180)) return { west: -180, south: -90, east: 180, north: 90 };
  const m = 0.5; // data just outside the official area is still fine
  return { west: Math.max(-180, g.west - m), south: Math.max(-90, g.south - m), east: Math.min(180, g.east + m), north: Math.min(90, g.north + m) };
}

export function wrongCrsMessage(crs: CrsChoice, sample: { x: number; y: number; lon: number; lat: number }, id: string): string {
  const def = getCrs(crs.code);
  const fmt = (v: number) => (Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : String(v));
  let msg = `the coordinates do not fit ${crs.code} (${def.name}): feature ${id} has (${fmt(sample.x)}, ${fmt(sample.y)}), outside its area of use`;
  const p = def.bounds?.projected;
  if (p && sample.y >= p.minEasting && sample.y <= p.maxEasting && sample.x >= p.minNorthing && sample.x <= p.maxNorthing) {
    msg += '; they look like (northing, easting): swap the axes';
  } else if (crs.code === 'EPSG:4326' && (Math.abs(sample.x) > 180 || Math.abs(sample.y) > 90)) {
    msg += ` (not longitude/latitude degrees). ${crs.source.startsWith('RFC') ? 'The file names no CRS, so WGS84 (RFC 7946) was assumed: ' : ''}pass --crs EPSG:<code>, e.g. --crs EPSG:3006 for SWEREF 99 TM`;
  } else {
    msg += `. ${crs.source === '--crs' ? 'Check --crs' : `The CRS came from the ${crs.source}; pass --crs EPSG:<code> if that is wrong`}`;
  }
  return msg;
}
