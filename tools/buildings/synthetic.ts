/**
 * Deterministic synthetic building footprints (GeoJSON), for the benchmark and the tests of
 * the `buildings` command. Nothing here describes a real place: footprints sit on a jittered
 * grid (one plot every `spacing` metres) around a centre, as rotated rectangles, L-shapes
 * and a few large "civic" blocks with courtyards, with made-up attributes.
 *
 * The file is written in chunks as it is generated (memory stays flat for any count), and
 * the same options always give byte-identical output.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { fromWgs84 } from '../../src/geo/crs';
import { createRng } from '../lib/prng';

export interface SyntheticOptions {
  /** Number of footprints. */
  count: number;
  seed?: number;
  /** Centre of the grid (degrees); default Härnösand (62.63 N, 17.94 E). */
  lon?: number;
  lat?: number;
  /** Distance between plots, metres (default 32). */
  spacing?: number;
  /** Output CRS: `EPSG:4326` (default, no `crs` member) or any registered projected CRS (named in a legacy `crs` member). */
  crs?: string;
  /** Every n-th feature (n > 0) gets a broken geometry (bow-tie, 2-point ring, NaN…), for error-path tests. */
  invalidEvery?: number;
}

export interface SyntheticResult {
  count: number;
  invalid: number;
  bytes: number;
  /** Feature ids with broken geometry. */
  invalidIds: string[];
}

const USES = ['bostad', 'bostad', 'bostad', 'kontor', 'handel', 'industri', 'skola', 'garage'] as const;
const R = 6_378_137;

/** Writes a FeatureCollection of `count` synthetic footprints to `path`. */
export function writeSyntheticFootprints(path: string, o: SyntheticOptions): SyntheticResult {
  const rng = createRng(o.seed ?? 1585);
  const lon0 = o.lon ?? 17.94;
  const lat0 = o.lat ?? 62.63;
  const spacing = o.spacing ?? 32;
  const crs = o.crs ?? 'EPSG:4326';
  const geographic = crs === 'EPSG:4326';
  const side = Math.ceil(Math.sqrt(o.count));
  const half = (side * spacing) / 2;
  const kLon = 180 / (Math.PI * R * Math.cos((lat0 * Math.PI) / 180));
  const kLat = 180 / (Math.PI * R);
  const fd = openSync(path, 'w');
  let buf = '';
  let bytes = 0;
  const flush = (force = false) => {
    if (buf.length < 1 << 20 && !force) return;
    const b = Buffer.from(buf, 'utf8');
    writeSync(fd, b);
    bytes += b.byteLength;
    buf = '';
  };
  const fmt = (x: number, y: number): string => {
    const lon = lon0 + x * kLon;
    const lat = lat0 + y * kLat;
    if (geographic) return `[${lon.toFixed(7)},${lat.toFixed(7)}]`;
    const [e, n] = fromWgs84(crs, lon, lat);
    return `[${e.toFixed(3)},${n.toFixed(3)}]`;
  };
  const ring = (pts: [number, number][]): string => `[${[...pts, pts[0]!].map(([x, y]) => fmt(x, y)).join(',')}]`;

  const invalidIds: string[] = [];
  try {
    buf += '{"type":"FeatureCollection",';
    if (!geographic) buf += `"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:${crs.replace(':', '::')}"}},`;
    buf += '"name":"synthetic footprints (not real data)","features":[\n';
    for (let i = 0; i < o.count; i++) {
      const r = rng.fork(i);
      const gx = i % side;
      const gy = Math.floor(i / side);
      const cx = -half + (gx + 0.5) * spacing + r.float(-2, 2);
      const cy = -half + (gy + 0.5) * spacing + r.float(-2, 2);
      const angle = r.float(-0.3, 0.3) + (r.chance(0.3) ? Math.PI / 2 : 0);
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      const rot = (u: number, v: number): [number, number] => [cx + cos * u - sin * v, cy + sin * u + cos * v];
      const civic = r.chance(0.01);
      const w = civic ? r.float(22, 27) : r.float(8, 20);
      const d = civic ? r.float(20, 26) : r.float(7, 14);
      let rings: [number, number][][];
      if (civic) {
        // a block with a courtyard
        rings = [
          [rot(-w / 2, -d / 2), rot(w / 2, -d / 2), rot(w / 2, d / 2), rot(-w / 2, d / 2)],
          [rot(-w / 5, -d / 5), rot(-w / 5, d / 5), rot(w / 5, d / 5), rot(w / 5, -d / 5)],
        ];
      } else if (r.chance(0.25)) {
        // L-shape
        const a = w * r.float(0.4, 0.6);
        const b = d * r.float(0.4, 0.6);
        rings = [[rot(-w / 2, -d / 2), rot(w / 2, -d / 2), rot(w / 2, -d / 2 + b), rot(-w / 2 + a, -d / 2 + b), rot(-w / 2 + a, d / 2), rot(-w / 2, d / 2)]];
      } else {
        rings = [[rot(-w / 2, -d / 2), rot(w / 2, -d / 2), rot(w / 2, d / 2), rot(-w / 2, d / 2)]];
      }
      const id = `SYN-${String(i + 1).padStart(6, '0')}`;
      let coords = `[${rings.map(ring).join(',')}]`;
      if (o.invalidEvery && (i + 1) % o.invalidEvery === 0) {
        invalidIds.push(id);
        const k = invalidIds.length % 3;
        if (k === 0) coords = `[[${fmt(cx, cy)},${fmt(cx + 5, cy + 5)},${fmt(cx, cy)}]]`; // 2 distinct points
        else if (k === 1) coords = `[[${fmt(cx, cy)},${fmt(cx + 8, cy + 8)},${fmt(cx + 8, cy)},${fmt(cx, cy + 8)},${fmt(cx, cy)}]]`; // bow-tie
        else coords = `[[${fmt(cx, cy)},[${geographic ? lon0 : 600000},"NaN"],${fmt(cx + 5, cy)},${fmt(cx, cy)}]]`; // not a number
      }
      const storeys = civic ? r.int(3, 8) : r.int(1, 6);
      const height = Math.round((storeys * 3.1 + r.float(0.5, 3)) * 10) / 10;
      const props: Record<string, unknown> = { id, use: civic ? 'offentlig' : r.pick(USES), year: r.int(1850, 2024) };
      // a mix of height attributes, as in real data: most have a height, some only storeys, a few nothing
      const which = r.next();
      if (which < 0.8) props.height = height;
      else if (which < 0.95) props['building:levels'] = storeys;
      if (civic) props.name = `Kvarteret ${id.slice(4)}`;
      buf += `${i ? ',\n' : ''}{"type":"Feature","id":"${id}","properties":${JSON.stringify(props)},"geometry":{"type":"Polygon","coordinates":${coords}}}`;
      flush();
    }
    buf += '\n]}\n';
    flush(true);
  } finally {
    closeSync(fd);
  }
  return { count: o.count, invalid: invalidIds.length, bytes, invalidIds };
}
