/** The `demo` command of the tools CLI. */
import { dirname, join, relative, resolve } from 'node:path';
import { UsageError, type Command } from '../lib/command';
import { createProgress } from '../lib/progress';
import { generateDemo } from './generate';
import { DEFAULT_DEMO_SEED } from './origin';
import { DEMO_PLAN_FILE, demoPlan, writeDemoPlan } from './plan';
import { demoSceneText, writeDemoScene } from './scene';
import { OLD_MAP_FILE, OLD_MAP_WORLD_FILE, writeOldMap } from './old-map/old-map';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Generate the synthetic Härnösand demo: tilesets (buildings, ground, proposal, today) as 3D Tiles 1.1, the plan, a synthetic old map and the scene.',
  options: [
    { name: 'out', short: 'o', type: 'string', value: 'DIR', description: 'Output directory', default: 'tiles' },
    { name: 'seed', type: 'string', value: 'N', description: 'Random seed (integer ≥ 0)', default: String(DEFAULT_DEMO_SEED) },
    { name: 'scene', type: 'string', value: 'FILE', description: 'Where to write the demo scene (default: <DIR>/../public/scenes/demo.json)' },
    { name: 'no-scene', type: 'boolean', description: 'Write the tilesets only (no scene, no plan)' },
    { name: 'quiet', short: 'q', type: 'boolean', description: 'No progress output' },
  ],
  details: [
    'Writes <DIR>/harnosand-buildings/, <DIR>/harnosand-ground/, <DIR>/harnosand-proposal/,',
    '<DIR>/harnosand-today/ and <DIR>/README.md, replacing earlier output of those tilesets, the',
    'scene document the app opens (public/scenes/demo.json; its layers point at ../tiles/…, the',
    `folder as the app serves it), the synthetic detaljplan next to it (../plans/${DEMO_PLAN_FILE}`,
    'from the scene, NGP Detaljplan 4.1 JSON in EPSG:3014) and a synthetic historical map of the',
    `district (../maps/${OLD_MAP_FILE} with its world file ${OLD_MAP_WORLD_FILE}, EPSG:3014).`,
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
    if (values.scene !== undefined && values['no-scene']) throw new UsageError('--scene and --no-scene exclude each other');
    if (values.scene === '') throw new UsageError('--scene needs a file name');
    const sceneFile = values['no-scene'] ? null : resolve(values.scene !== undefined ? String(values.scene) : join(dirname(outDir), 'public', 'scenes', 'demo.json'));
    if (sceneFile) demoSceneText(seed); // validate the scene before writing anything
    const quiet = Boolean(values.quiet);
    const t0 = Date.now();
    const result = await generateDemo({
      outDir,
      seed,
      ...(quiet ? {} : { progress: (label: string, total: number) => createProgress(label, total, io.stderr) }),
    });
    const planFile = sceneFile ? join(dirname(dirname(sceneFile)), 'plans', DEMO_PLAN_FILE) : null;
    const mapDir = sceneFile ? join(dirname(dirname(sceneFile)), 'maps') : null;
    if (sceneFile && planFile && mapDir) {
      await writeDemoScene(sceneFile, seed);
      await writeDemoPlan(planFile, seed);
      await writeOldMap(mapDir, seed);
    }
    if (!quiet) {
      const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
      const lines = [
        `demo: seed ${result.seed}: ${result.buildings} buildings, ${result.proposalBuildings} in the proposal, ${result.todayBuildings} today, ${result.surfaces} ground surfaces`,
        ...result.tilesets.map((t) => `  ${t.name.padEnd(20)} ${String(t.tiles).padStart(3)} tiles (depth ${t.maxLevel}), ${String(t.features).padStart(4)} features, ${kib(t.bytes).padStart(9)}`),
        `  total ${kib(result.totalBytes)} in ${outDir} (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
        ...(sceneFile ? [`  scene ${relative(process.cwd(), sceneFile) || sceneFile}`] : []),
        ...(planFile ? [`  plan  ${relative(process.cwd(), planFile) || planFile} (${planSummary(seed)})`] : []),
        ...(mapDir ? [`  map   ${relative(process.cwd(), join(mapDir, OLD_MAP_FILE)) || OLD_MAP_FILE} (synthetic, with ${OLD_MAP_WORLD_FILE} in EPSG:3014)`] : []),
      ];
      io.stderr.write(lines.join('\n') + '\n');
    }
    return 0;
  },
};

function planSummary(seed: number): string {
  const { collection, uncatalogued } = demoPlan(seed);
  return `${collection.features.length - 1} provisions, ${uncatalogued.length} without a catalogue reference`;
}
