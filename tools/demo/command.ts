/** The `demo` command of the tools CLI. */
import { resolve } from 'node:path';
import { UsageError, type Command } from '../lib/command';
import { createProgress } from '../lib/progress';
import { generateDemo } from './generate';
import { DEFAULT_DEMO_SEED } from './origin';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Generate the synthetic Härnösand demo tilesets (buildings, ground, proposal) as 3D Tiles 1.1.',
  options: [
    { name: 'out', short: 'o', type: 'string', value: 'DIR', description: 'Output directory', default: 'tiles' },
    { name: 'seed', type: 'string', value: 'N', description: 'Random seed (integer ≥ 0)', default: String(DEFAULT_DEMO_SEED) },
    { name: 'quiet', short: 'q', type: 'boolean', description: 'No progress output' },
  ],
  details: [
    'Writes <DIR>/harnosand-buildings/, <DIR>/harnosand-ground/, <DIR>/harnosand-proposal/',
    'and <DIR>/README.md, replacing earlier output of those three tilesets.',
    'The same seed always produces byte-identical files.',
    '',
    'Example:',
    '  npm run tools -- demo -o tiles --seed 1585',
  ].join('\n'),
  async run(values, positionals, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
    const seedText = String(values.seed ?? DEFAULT_DEMO_SEED);
    if (!/^\d+$/.test(seedText) || Number(seedText) > 0x7fffffff) throw new UsageError(`--seed must be an integer in [0, 2147483647], got "${seedText}"`);
    const seed = Number(seedText);
    const outDir = resolve(String(values.out ?? 'tiles'));
    const quiet = Boolean(values.quiet);
    const t0 = Date.now();
    const result = await generateDemo({
      outDir,
      seed,
      ...(quiet ? {} : { progress: (label: string, total: number) => createProgress(label, total, io.stderr) }),
    });
    if (!quiet) {
      const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
      const lines = [
        `demo: seed ${result.seed}: ${result.buildings} buildings, ${result.proposalBuildings} in the proposal, ${result.surfaces} ground surfaces`,
        ...result.tilesets.map((t) => `  ${t.name.padEnd(20)} ${String(t.tiles).padStart(3)} tiles (depth ${t.maxLevel}), ${String(t.features).padStart(4)} features, ${kib(t.bytes).padStart(9)}`),
        `  total ${kib(result.totalBytes)} in ${outDir} (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
      ];
      io.stderr.write(lines.join('\n') + '\n');
    }
    return 0;
  },
};
