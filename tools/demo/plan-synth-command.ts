/** The `plan-synth` command of the tools CLI: a synthetic N-polygon detaljplan for benchmarks. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError, type Command } from '../lib/command';
import { ngpText, writeNgpDetaljplan } from '../lib/ngp-writer';
import { createProgress } from '../lib/progress';
import { SYNTH_DEFAULT_COUNT, SYNTH_DEFAULT_SEED, synthPlan } from './plan-synth';

function wholeNumber(name: string, raw: unknown, min: number, max: number): number {
  const text = String(raw);
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw new UsageError(`--${name} must be a whole number in [${min}, ${max}], got "${text}"`);
  return Number(text);
}

export const planSynthCommand: Command = {
  name: 'plan-synth',
  summary: 'Generate a synthetic detaljplan of N polygons (NGP Detaljplan 4.1 JSON, EPSG:3014) for benchmarks.',
  options: [
    { name: 'count', short: 'n', type: 'string', value: 'N', description: 'Number of plan polygons', default: String(SYNTH_DEFAULT_COUNT) },
    { name: 'out', short: 'o', type: 'string', value: 'FILE', description: 'Output file (default: plan-synth-<N>.json)' },
    { name: 'seed', type: 'string', value: 'N', description: 'Random seed (integer ≥ 0)', default: String(SYNTH_DEFAULT_SEED) },
    { name: 'axis-order', type: 'string', value: 'EN|NE', description: 'Coordinate order in the file', default: 'EN' },
    { name: 'pretty', type: 'boolean', description: 'Indent the JSON (larger file)' },
    { name: 'quiet', short: 'q', type: 'boolean', description: 'No progress output' },
  ],
  details: [
    'A square grid of 40 m blocks and 10 m streets centred on the demo origin (Härnösand), each block',
    'a use area (B, C, J, H, E, PARK, TORG, NATUR) with, on most kvartersmark, a maximum height',
    '(7–28 m); some blocks have a prickmark strip or a courtyard (a hole filled with PARK); streets',
    'are GATA. N counts the polygons of the provisions (geometry parts), not the plan boundary.',
    'The same N and seed always give byte-identical files. SYNTHETIC: not a real plan.',
    '',
    'Example:',
    '  npm run tools -- plan-synth --count 10000 --out bench-results/plans/synthetic-10000.json',
  ].join('\n'),
  async run(values, positionals, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
    const count = wholeNumber('count', values.count ?? SYNTH_DEFAULT_COUNT, 1, 2_000_000);
    const seed = wholeNumber('seed', values.seed ?? SYNTH_DEFAULT_SEED, 0, 0x7fffffff);
    const axisOrder = String(values['axis-order'] ?? 'EN');
    if (axisOrder !== 'EN' && axisOrder !== 'NE') throw new UsageError(`--axis-order must be EN or NE, got "${axisOrder}"`);
    if (values.out === '') throw new UsageError('--out needs a file name');
    const out = resolve(values.out !== undefined ? String(values.out) : `plan-synth-${count}.json`);
    const quiet = Boolean(values.quiet);
    const t0 = performance.now();
    const bar = quiet ? null : createProgress('plan-synth', count, io.stderr);
    let shown = 0;
    const { plan, stats } = synthPlan({
      count,
      seed,
      onProgress: (done) => {
        bar?.tick('', done - shown);
        shown = done;
      },
    });
    const { collection } = writeNgpDetaljplan(plan, { axisOrder });
    const text = ngpText(collection, values.pretty ? 2 : 0);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, text);
    bar?.done(out);
    if (!quiet) {
      io.stderr.write(
        `plan-synth: ${stats.polygons} polygons (${stats.blocks} blocks, ${stats.streets} streets, ${stats.heightAreas} height areas, ` +
          `${stats.prickmark} prickmark, ${stats.holes} courtyards) over ${stats.sideMetres} m, ${collection.features.length - 1} provisions, ` +
          `${(Buffer.byteLength(text) / 1048576).toFixed(1)} MiB in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
      );
    }
    return 0;
  },
};
