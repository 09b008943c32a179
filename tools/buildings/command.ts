/** The `buildings` command of the tools CLI: footprints → 3D Tiles 1.1. */
import { UsageError, type Command } from '../lib/command';
import { createProgress } from '../lib/progress';
import { HEIGHT_ATTRIBUTES, LEVEL_ATTRIBUTES } from './attributes';
import { convertBuildings, DEFAULT_HEIGHT, DEFAULT_LEVEL_HEIGHT, DEFAULT_MAX_PER_TILE, InputError, shortPath, type BuildingsResult } from './convert';

function positive(name: string, v: string | boolean | undefined, def: number, integer = false): number {
  if (v === undefined) return def;
  const n = Number(v);
  if (typeof v !== 'string' || v.trim() === '' || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${name} must be a positive ${integer ? 'integer' : 'number'}, got "${String(v)}"`);
  }
  return n;
}

function str(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function wrap(text: string, indent: string, width = 92): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

export const buildingsCommand: Command = {
  name: 'buildings',
  summary: 'Extrude building footprints (GeoJSON or FlatGeobuf) into 3D Tiles 1.1 with per-building metadata.',
  options: [
    { name: 'out', short: 'o', type: 'string', value: 'DIR', description: 'Output directory (gets tileset.json, content/ and report.json)' },
    { name: 'crs', type: 'string', value: 'EPSG:N', description: "CRS of the coordinates when the file names none (overrides the file's)" },
    { name: 'height', type: 'string', value: 'ATTR', description: 'Attribute with the height in metres (a levels attribute is × --level-height)' },
    { name: 'base', type: 'string', value: 'ATTR', description: 'Attribute with the base elevation in metres (default: 0)' },
    { name: 'geoid', type: 'string', value: 'N', description: 'Base values are RH 2000 heights: add a geoid height ("harnosand" = 24.4 m, or metres)' },
    { name: 'id', type: 'string', value: 'ATTR', description: 'Attribute that identifies a building in reports (default: the feature id, else #index)' },
    { name: 'default-height', type: 'string', value: 'M', description: 'Height of buildings without a usable height', default: String(DEFAULT_HEIGHT) },
    { name: 'level-height', type: 'string', value: 'M', description: 'Metres per storey for levels attributes', default: String(DEFAULT_LEVEL_HEIGHT) },
    { name: 'max-per-tile', type: 'string', value: 'N', description: 'Most buildings in one tile', default: String(DEFAULT_MAX_PER_TILE) },
    { name: 'quiet', short: 'q', type: 'boolean', description: 'No progress bars and no summary (errors still go to stderr)' },
  ],
  details: [
    'Argument: <input>, a GeoJSON FeatureCollection or a FlatGeobuf file (.fgb) of Polygon and',
    'MultiPolygon footprints, read as a stream (memory does not grow with the file). The CRS is',
    '--crs, else the file\'s (GeoJSON "crs" member, FlatGeobuf header), else WGS84 (RFC 7946).',
    '',
    'Heights: --height ATTR, else the first usable of these (metres)',
    ...wrap(HEIGHT_ATTRIBUTES.join(', '), '  '),
    'or these (storeys × --level-height)',
    ...wrap(LEVEL_ATTRIBUTES.join(', '), '  '),
    'compared case-insensitively, diacritics folded (höjd = hojd). Buildings without one get',
    '--default-height and are listed in report.json.',
    'Vertical reference: bases are metres above the WGS84 ellipsoid, unless --geoid is given.',
    '',
    'Invalid footprints (self-intersections, rings with fewer than 3 points, zero area, NaN',
    'coordinates, empty rings) are skipped, counted and listed by id in report.json.',
    'Output: quadtree of glb tiles (meshopt, EXT_mesh_features + EXT_structural_metadata),',
    'refine ADD (each building stored once; the largest ones in coarser tiles).',
    '',
    'Examples:',
    '  npm run tools -- buildings byggnader.geojson -o tiles/byggnader --crs EPSG:3006 --height hojd',
    '  npm run tools -- buildings osm-buildings.fgb -o out/osm',
    '',
    'See tools/buildings/README.md.',
  ].join('\n'),
  async run(values, positionals, io) {
    if (positionals.length === 0) throw new UsageError('missing <input>: a GeoJSON or FlatGeobuf file of footprints');
    if (positionals.length > 1) throw new UsageError(`unexpected argument: ${positionals[1]}`);
    const out = str(values.out);
    if (!out) throw new UsageError('missing -o, --out DIR');
    const quiet = Boolean(values.quiet);
    const maxPerTile = positive('max-per-tile', values['max-per-tile'], DEFAULT_MAX_PER_TILE, true);
    if (maxPerTile > 65535) throw new UsageError(`--max-per-tile must be at most 65535, got ${maxPerTile}`);
    const geoid = str(values.geoid);
    if (geoid !== undefined && geoid.toLowerCase() !== 'harnosand' && !(geoid.trim() !== '' && Number.isFinite(Number(geoid)))) {
      throw new UsageError(`--geoid must be "harnosand" or a geoid height in metres, got "${geoid}"`);
    }
    let result: BuildingsResult;
    try {
      result = await convertBuildings({
        input: positionals[0]!,
        outDir: out,
        crs: str(values.crs),
        heightAttribute: str(values.height),
        baseAttribute: str(values.base),
        idAttribute: str(values.id),
        geoid,
        defaultHeight: positive('default-height', values['default-height'], DEFAULT_HEIGHT),
        levelHeight: positive('level-height', values['level-height'], DEFAULT_LEVEL_HEIGHT),
        maxPerTile,
        ...(quiet ? {} : { progress: (label: string, total: number) => createProgress(label, total, io.stderr) }),
      });
    } catch (e) {
      if (e instanceof InputError) {
        io.stderr.write(`error: buildings: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
    if (!quiet) io.stderr.write(summary(result));
    return 0;
  },
};

/** The end-of-run summary (stderr). */
export function summary(r: BuildingsResult): string {
  const pct = (n: number) => `${((100 * n) / Math.max(1, r.features.written)).toFixed(1)} %`;
  const lines = [
    `buildings: ${r.features.written} of ${r.features.read} footprints → ${r.tiles.count} tiles (${r.tiles.contents} glb, depth ${r.tiles.maxLevel}), ` +
      `${(r.tiles.bytes / 1048576).toFixed(1)} MiB in ${shortPath(r.outDir)} (${r.seconds} s)`,
    `  CRS ${r.crs.code} (${r.crs.name}; source: ${r.crs.source}); origin ${r.origin.lon.toFixed(6)} E ${r.origin.lat.toFixed(6)} N`,
    `  heights: ${Object.entries(r.heights.bySource)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k === 'default' ? `default ${r.heights.default} m` : k} ${n} (${pct(n)})`)
      .join(', ')}`,
  ];
  if (r.features.skipped > 0) {
    lines.push(`  skipped ${r.features.skipped} invalid footprint${r.features.skipped === 1 ? '' : 's'}:`);
    for (const p of r.skippedSample.slice(0, 10)) lines.push(`    ${p.id}: ${p.reason}`);
    if (r.features.skipped > 10) lines.push(`    … and ${r.features.skipped - 10} more`);
  }
  if (r.heights.defaulted > 0) {
    const ex = r.heights.defaultedSample.slice(0, 3).map((p) => `${p.id} (${p.reason})`).join(', ');
    lines.push(`  ${r.heights.defaulted} without a usable height got ${r.heights.default} m, e.g. ${ex}`);
  }
  if (r.base.attribute && r.base.missing > 0) lines.push(`  ${r.base.missing} without --base ${r.base.attribute} stand at 0`);
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  lines.push(`  report: ${shortPath(r.reportPath)}`);
  return lines.join('\n') + '\n';
}
