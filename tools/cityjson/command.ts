/** The `cityjson` command of the tools CLI. */
import { resolve } from 'node:path';
import { UsageError, type Command } from '../lib/command';
import { createProgress } from '../lib/progress';
import { convertCityJson, type ConvertReport } from './convert';
import { CityJsonInputError } from './read';

/** Summary lines printed after a run (also used by tests). */
export function summarise(r: ConvertReport, outDir: string, seconds: number): string[] {
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const types = Object.entries(r.objects.byType)
    .sort((a, b) => b[1] - a[1])
    .map(([t, n]) => `${n} ${t}`)
    .join(', ');
  const lods = Object.entries(r.lod.used)
    .map(([l, n]) => `LoD ${l || '?'}: ${n}`)
    .join(', ');
  const lines = [
    `cityjson: ${r.input} (CityJSON ${r.cityjsonVersion}, ${r.crs.label}${r.crs.from === 'option' ? ' from --crs' : ''})`,
    `  ${n(r.objects.input, 'object')} → ${n(r.objects.features, 'feature')} (${types})${r.objects.mergedChildren ? `, ${n(r.objects.mergedChildren, 'part')} merged into their buildings` : ''}`,
    `  ${lods}; ${n(r.surfaces.drawn, 'surface')}, ${n(r.triangles, 'triangle')}; ${n(r.attributes.properties, 'property')}`.replace('propertys', 'properties'),
  ];
  if (r.objects.skipped.length) {
    lines.push(`  skipped ${n(r.objects.skipped.length, 'object')}:`);
    for (const s of r.objects.skipped.slice(0, 10)) lines.push(`    ${s.id} (${s.type}): ${s.reason}`);
    if (r.objects.skipped.length > 10) lines.push(`    … and ${r.objects.skipped.length - 10} more (see report.json)`);
  }
  const bad = Object.entries(r.surfaces.invalidByObject);
  if (bad.length) {
    lines.push(`  skipped ${n(r.surfaces.invalid, 'invalid surface')} in ${n(bad.length, 'object')}:`);
    for (const [id, reasons] of bad.slice(0, 10)) {
      lines.push(`    ${id}: ${Object.entries(reasons).map(([why, n]) => `${n} × ${why}`).join(', ')}`);
    }
    if (bad.length > 10) lines.push(`    … and ${bad.length - 10} more objects (see report.json)`);
  }
  const dropped = Object.entries(r.surfaces.dropped).map(([k, n]) => `${n} ${k}`);
  if (dropped.length) lines.push(`  left out on purpose: ${dropped.join(', ')} surfaces`);
  for (const n of r.crs.notes) lines.push(`  note: ${n}`);
  lines.push(`  ${n(r.tiles, 'tile')} (depth ${r.maxLevel}), ${kib(r.bytes)} in ${outDir} (${seconds.toFixed(1)} s); report.json written`);
  return lines;
}

export const cityjsonCommand: Command = {
  name: 'cityjson',
  summary: 'Convert a CityJSON city model (1.0, 1.1, 2.0; LoD1/LoD2 with semantics) to 3D Tiles 1.1.',
  options: [
    { name: 'out', short: 'o', type: 'string', value: 'DIR', description: 'Output directory (required); gets tileset.json, content/ and report.json' },
    { name: 'lod', type: 'string', value: 'LOD', description: 'Level of detail to draw: 2 (the highest 2.x), 1.2, … (default: the highest per object)' },
    { name: 'crs', type: 'string', value: 'CRS', description: "Source CRS, overriding the file's referenceSystem: EPSG:7415, EPSG:2056, EPSG:2056+5728 (horizontal+height)…" },
    { name: 'quiet', short: 'q', type: 'boolean', description: 'No progress or summary output' },
  ],
  details: [
    'Input: a CityJSON file (.json, .city.json) or a CityJSON Text Sequence (.city.jsonl).',
    '',
    'One feature per top-level city object: BuildingParts (and installations, bridge parts…) are merged',
    "into their building's feature, with the building's attributes (missing ones taken from the parts)",
    'and a `parts` count. Roofs are red, walls off-white; ground and closure surfaces are left out.',
    'Roads are grey, plant cover and land use green, water blue, bridges stone.',
    '',
    "Heights: NAP (EPSG:7415 or 28992), LN02/LHN95 (EPSG:2056) and RH 2000 (SWEREF 99) heights are made",
    'ellipsoidal with a coarse EGM96 geoid (±0.5–1 m); the notes in report.json say how good that is.',
    '',
    'Examples:',
    '  npm run tools -- cityjson delft.json -o tiles/delft',
    '  npm run tools -- cityjson DH_01_subs.city.json -o out/denhaag --crs EPSG:7415',
    '  npm run tools -- cityjson multi_lod.json -o out/multi --crs EPSG:7415 --lod 1.2',
  ].join('\n'),
  async run(values, positionals, io) {
    if (positionals.length === 0) throw new UsageError('no input file given');
    if (positionals.length > 1) throw new UsageError(`one input file at a time, got ${positionals.length}: ${positionals.join(' ')}`);
    const out = values.out;
    if (typeof out !== 'string' || out === '') throw new UsageError('-o/--out DIR is required');
    const lod = typeof values.lod === 'string' ? values.lod.trim() : undefined;
    if (lod !== undefined && !/^\d(\.\d)?$/.test(lod)) throw new UsageError(`--lod must look like 2 or 1.2, got "${lod}"`);
    const crs = typeof values.crs === 'string' && values.crs.trim() ? values.crs.trim() : undefined;
    const quiet = Boolean(values.quiet);
    const outDir = resolve(out);
    const t0 = Date.now();
    try {
      const report = await convertCityJson({
        input: positionals[0]!,
        outDir,
        ...(lod ? { lod } : {}),
        ...(crs ? { crs } : {}),
        ...(quiet ? {} : { progress: (label: string, total: number) => createProgress(label, total, io.stderr) }),
      });
      if (!quiet) io.stderr.write(summarise(report, outDir, (Date.now() - t0) / 1000).join('\n') + '\n');
      return 0;
    } catch (e) {
      if (e instanceof CityJsonInputError) {
        io.stderr.write(`error: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  },
};
