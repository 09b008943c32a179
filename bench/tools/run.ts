/**
 * The `tools` section of `npm run bench`: throughput and peak memory of the `buildings`
 * converter on 10k and 100k synthetic footprints (see bench/tools/README.md).
 *
 *   npm run bench -- --only tools          (just this section; JSON on stdout)
 *   npx tsx bench/tools/run.ts [--sizes 10000,100000] [--max-per-tile 1000]
 *
 * Each size: a deterministic GeoJSON FeatureCollection near Härnösand is streamed to a temp
 * file (tools/buildings/synthetic.ts), then converted in a child process (bench/tools/child.ts)
 * whose own `process.resourceUsage().maxRSS` is its peak memory. Sizes run one after the other
 * on an otherwise idle machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { BuildingsResult } from '../../tools/buildings/convert.ts';
import { directoryBytes } from '../../tools/buildings/convert.ts';
import { writeSyntheticFootprints } from '../../tools/buildings/synthetic.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

export interface ToolsSizeResult {
  footprints: number;
  /** Valid footprints written (the input has 0.1 % broken ones on purpose). */
  written: number;
  /** Wall-clock seconds of the child process: Node start, module loading and the conversion. */
  seconds: number;
  /** Seconds inside `convertBuildings` alone. */
  convertSeconds: number;
  footprintsPerSecond: number;
  maxRssBytes: number;
  inputBytes: number;
  /** tileset.json, report.json and every glb. */
  outputBytes: number;
  bytesPerBuilding: number;
  tiles: number;
  contents: number;
  maxLevel: number;
}

export interface ToolsBenchResult {
  command: string;
  description: string;
  sizes: ToolsSizeResult[];
  /** Peak RSS of a child that only loads the converter and the meshopt encoder. */
  baselineRssBytes: number;
  /** maxRss(largest) / maxRss(smallest): well under the input ratio when memory is bounded. */
  rssRatio: number;
  inputRatio: number;
  goals: { under60sFor100k: boolean | null; rssRatioUnder10: boolean };
}

function child(args: string[]): { maxRssBytes: number; seconds?: number; result?: BuildingsResult; wallSeconds: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wallSeconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`bench/tools child failed (${r.status}): ${r.stderr.trim().split('\n').slice(-5).join(' | ')}`);
  const last = r.stdout.trim().split('\n').pop()!;
  return { ...(JSON.parse(last) as { maxRssBytes: number; seconds?: number; result?: BuildingsResult }), wallSeconds };
}

const r2 = (x: number) => Math.round(x * 100) / 100;

export async function runToolsBench(options: { sizes?: number[]; maxPerTile?: number; log?: (m: string) => void } = {}): Promise<ToolsBenchResult> {
  const sizes = options.sizes ?? [10_000, 100_000];
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const dir = mkdtempSync(join(tmpdir(), 'bench-tools-'));
  const out: ToolsSizeResult[] = [];
  let baseline = 0;
  try {
    baseline = child(['--baseline']).maxRssBytes;
    for (const n of sizes) {
      const input = join(dir, `footprints-${n}.geojson`);
      const gen = writeSyntheticFootprints(input, { count: n, invalidEvery: 1000 });
      const outDir = join(dir, `tiles-${n}`);
      log(`[bench] tools: buildings, ${n} synthetic footprints (${(gen.bytes / 1048576).toFixed(1)} MiB of GeoJSON)…`);
      const run = child([input, outDir, String(options.maxPerTile ?? 1000)]);
      const res = run.result!;
      const outputBytes = directoryBytes(outDir);
      const row: ToolsSizeResult = {
        footprints: n,
        written: res.features.written,
        seconds: r2(run.wallSeconds),
        convertSeconds: r2(run.seconds!),
        footprintsPerSecond: Math.round(n / run.wallSeconds),
        maxRssBytes: run.maxRssBytes,
        inputBytes: gen.bytes,
        outputBytes,
        bytesPerBuilding: Math.round(outputBytes / res.features.written),
        tiles: res.tiles.count,
        contents: res.tiles.contents,
        maxLevel: res.tiles.maxLevel,
      };
      log(`[bench] tools: ${n}: ${row.seconds} s (${row.footprintsPerSecond} footprints/s), max RSS ${(row.maxRssBytes / 1048576).toFixed(0)} MiB, ${row.bytesPerBuilding} B/building, ${row.tiles} tiles`);
      out.push(row);
      rmSync(input, { force: true });
      rmSync(outDir, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const first = out[0]!;
  const last = out[out.length - 1]!;
  const big = out.find((s) => s.footprints === 100_000);
  return {
    command: 'npm run tools -- buildings <synthetic.geojson> -o <dir> (default options)',
    description:
      'Synthetic footprints near Härnösand on a jittered 32 m grid (rectangles, L-shapes, 1 % courtyard blocks; 0.1 % broken on purpose), ' +
      'GeoJSON in EPSG:4326; converted in a child process; maxRssBytes is that process\'s process.resourceUsage().maxRSS.',
    sizes: out,
    baselineRssBytes: baseline,
    rssRatio: r2(last.maxRssBytes / first.maxRssBytes),
    inputRatio: r2(last.footprints / first.footprints),
    goals: { under60sFor100k: big ? big.seconds < 60 : null, rssRatioUnder10: last.maxRssBytes / first.maxRssBytes < 10 },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { sizes: { type: 'string' }, 'max-per-tile': { type: 'string' } } });
  const result = await runToolsBench({
    ...(values.sizes ? { sizes: values.sizes.split(',').map(Number) } : {}),
    ...(values['max-per-tile'] ? { maxPerTile: Number(values['max-per-tile']) } : {}),
  });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
