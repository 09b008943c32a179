/**
 * CRS identifier normalisation: every spelling of an EPSG code becomes `EPSG:<n>`.
 *
 * Accepted spellings (case-insensitive, surrounding spaces ignored):
 * - `3006` (number) and `'3006'`
 * - `'EPSG:3006'`
 * - `'urn:ogc:def:crs:EPSG::3006'` (also with a version: `urn:ogc:def:crs:EPSG:9.8:3006`)
 * - `'http://www.opengis.net/def/crs/EPSG/0/3006'` (http or https, any version segment)
 * - OGC CRS84 (`'urn:ogc:def:crs:OGC:1.3:CRS84'`, `'OGC:CRS84'`, `'CRS84'`,
 *   `'http://www.opengis.net/def/crs/OGC/1.3/CRS84'`) becomes `EPSG:4326`, because this
 *   project always writes WGS84 geographic coordinates in CRS84's (longitude, latitude) order.
 *
 * Any other `AUTHORITY:code` keeps its code and gets its authority upper-cased; anything
 * else is returned trimmed, so that a lookup can report it as unknown.
 */

/** A CRS identifier as users write it: `3006`, `'3006'`, `'EPSG:3006'`, an OGC URN or URL. */
export type CrsCode = string | number;

const PATTERNS: readonly RegExp[] = [
  /^(\d+)$/,
  /^EPSG:(\d+)$/i,
  /^urn:ogc:def:crs:EPSG:[^:]*:(\d+)$/i,
  /^https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/[^/]+\/(\d+)\/?$/i,
];

const CRS84 = /^(?:urn:ogc:def:crs:OGC:[^:]*:CRS84|OGC:CRS84|CRS:84|CRS84|https?:\/\/www\.opengis\.net\/def\/crs\/OGC\/[^/]+\/CRS84\/?)$/i;

/**
 * Normalises a CRS identifier to its canonical registry key.
 * @example normaliseCrsCode('urn:ogc:def:crs:EPSG::3006') === 'EPSG:3006'
 * @throws TypeError for a number that is not a non-negative integer, or an empty string
 */
export function normaliseCrsCode(code: CrsCode): string {
  if (typeof code === 'number') {
    if (!Number.isInteger(code) || code < 0) throw new TypeError(`Invalid CRS code ${code}: expected a non-negative integer`);
    return `EPSG:${code}`;
  }
  const text = String(code).trim();
  if (text === '') throw new TypeError('Invalid CRS code: empty string');
  for (const pattern of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return `EPSG:${Number(match[1])}`;
  }
  if (CRS84.test(text)) return 'EPSG:4326';
  const authority = /^([A-Za-z][\w.-]*):(.+)$/.exec(text);
  if (authority) return `${authority[1]!.toUpperCase()}:${authority[2]}`;
  return text;
}
