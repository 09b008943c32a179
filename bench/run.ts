/**
 * `npm run bench`: our viewer against CesiumJS, same run, same machine, same tileset, same camera,
 * same vertical field of view, same screen-space error target. See bench/README.md.
 *
 *   npm run bench [-- --frames 40] [--runs 3] [--error-target 16] [--case wageningen-near] [--out file.json] [--screenshots]
 *   npm run bench -- --only tools|viewer|plans|algorithms    (one section: the converters of tools/, the viewers,
 *                                                 10,000 plan polygons, or the parsers' and geometry checks' speed)
 *
 * Prints the results as JSON on stdout (progress goes to stderr) and writes them to
 * bench-results/latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser, type LaunchedBrowser } from '../test/e2e/harness/browser.ts';
import { resolveDataFolder } from '../test/shared-data.ts';
import type { Logger } from '../tools/server/logger.ts';
import { ensureBuilt, REPO_ROOT } from '../tools/server/staleness.ts';
import { startServer } from '../tools/server/start.ts';
import { staticFolder } from '../tools/server/static/index.ts';
import { cesiumInApp, initialJs } from './lib/bundle.ts';
import { allCases, type BenchCase } from './lib/cases.ts';
import { CESIUM_CSP, CESIUM_DIST, CESIUM_MOUNT, ensureCesiumBuilt } from './lib/cesium-build.ts';
import { runCesium, runOurs, type CesiumRun, type OursRun, type RunOptions } from './lib/measure.ts';
import { runToolsBench } from './tools/run.ts';
import { runAlgorithmsBench } from './algorithms.ts';
import { PLANS_DIR, PLANS_MOUNT, runPlansBench } from './plans.ts';

const log = (m: string) => process.stderr.write(`${m}\n`);
const logger: Logger = { info: () => {}, warn: log, error: (m, e) => log(`${m} ${e ?? ''}`) };

const { values: args } = parseArgs({
  options: {
    frames: { type: 'string', default: '40' },
    runs: { type: 'string', default: '3' },
    'error-target': { type: 'string', default: '16' },
    case: { type: 'string', multiple: true },
    out: { type: 'string', default: join(REPO_ROOT, 'bench-results', 'latest.json') },
    'timeout-ms': { type: 'string', default: '120000' },
    screenshots: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
  allowPositionals: false,
});

function positiveInt(name: string, raw: string | undefined): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name}: expected a whole number, got ${raw}`);
  return n;
}

const FRAMES = positiveInt('frames', args.frames);
const RUNS = Math.max(1, positiveInt('runs', args.runs));
const ERROR_TARGET = positiveInt('error-target', args['error-target']);
const TIMEOUT_MS = positiveInt('timeout-ms', args['timeout-ms']);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const SCREENSHOT_DIR = join(REPO_ROOT, 'bench-results', 'screenshots');
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

/** The shared data folder, resolved as the tests resolve it (test/shared-data.ts); null when absent. */
function dataDir(): string | null {
  const folder = resolveDataFolder();
  return folder.exists ? folder.dir : null;
}

interface CaseResult {
  name: string;
  description: string;
  tileset: string;
  view: BenchCase['view'];
  errorTarget: number;
  ours: {
    loadMs: number;
    tilesLoaded: number;
    frameMs: number;
    drawCalls: number;
    triangles: number;
    tilesVisible: number;
    loadFrames: number;
    firstLoadMs: number;
    runs: { loadMs: number[]; frameMs: number[] };
  };
  cesium: {
    loadMs: number;
    tilesLoaded: number;
    frameMs: number;
    tilesSelected: number;
    tilesetCommands: number;
    triangles: number;
    loadFrames: number;
    firstLoadMs: number;
    runs: { loadMs: number[]; frameMs: number[]; allTilesLoadedEvents: number[] };
  };
  ratio: { load: number; frame: number };
}

function checkSameCamera(c: BenchCase, ours: OursRun, cesium: CesiumRun, warn: (m: string) => void): void {
  const v = ours.view;
  const d = Math.max(Math.abs(v.lon - c.view.lon) * 1e5, Math.abs(v.lat - c.view.lat) * 1e5, Math.abs(v.height - c.view.height), Math.abs(v.heading - c.view.heading) % 360, Math.abs(v.pitch - c.view.pitch));
  if (d > 0.5 || Math.abs(v.fov - c.view.fov) > 0.01) warn(`${c.name}: our camera ${JSON.stringify(v)} differs from the case's ${JSON.stringify(c.view)}`);
  if (Math.abs(cesium.fovyDeg - c.view.fov) > 0.01) warn(`${c.name}: Cesium's vertical fov is ${cesium.fovyDeg}°, expected ${c.view.fov}°`);
}

async function benchCase(browser: LaunchedBrowser, baseUrl: string, c: BenchCase, warn: (m: string) => void): Promise<CaseResult> {
  const opts: RunOptions = { frames: FRAMES, errorTarget: ERROR_TARGET, timeoutMs: TIMEOUT_MS };
  const warmOpts: RunOptions = { ...opts, frames: 0 };
  const problems = (who: string, run: { problems: string[] }) => {
    for (const p of run.problems) warn(`${c.name} ${who}: ${p.split('\n')[0]}`);
  };

  // first (cold) load of each viewer: the tileset is not in the HTTP cache yet
  log(`[bench] ${c.name}: first load (ours, then cesium)…`);
  const oursFirst = await runOurs(browser, baseUrl, c, warmOpts);
  problems('ours', oursFirst);
  const cesiumFirst = await runCesium(browser, baseUrl, c, warmOpts);
  problems('cesium', cesiumFirst);

  // measured runs, interleaved so that drift affects both alike
  const ours: OursRun[] = [];
  const cesium: CesiumRun[] = [];
  const shot = (viewer: string, i: number) =>
    args.screenshots && i === 0 ? { screenshot: join(SCREENSHOT_DIR, `${c.name}-${viewer}.png`) } : {};
  for (let i = 0; i < RUNS; i++) {
    const o = await runOurs(browser, baseUrl, c, { ...opts, ...shot('ours', i) });
    problems('ours', o);
    ours.push(o);
    const k = await runCesium(browser, baseUrl, c, { ...opts, ...shot('cesium', i) });
    problems('cesium', k);
    cesium.push(k);
    log(
      `[bench] ${c.name} run ${i + 1}/${RUNS}: ours ${r1(o.loadMs)} ms (${o.tilesLoaded} tiles), ${r1(o.frame?.meanMs ?? NaN)} ms/frame; ` +
        `cesium ${r1(k.loadMs)} ms (${k.atLoad.tilesLoaded} tiles), ${r1(k.frame?.meanMs ?? NaN)} ms/frame`,
    );
  }
  checkSameCamera(c, ours[0]!, cesium[0]!, warn);
  for (const r of ours) if (r.failed > 0) warn(`${c.name} ours: ${r.failed} tiles failed`);
  for (const r of cesium) if (r.stats.failed > 0) warn(`${c.name} cesium: ${r.stats.failed} tiles failed`);

  const oursLoad = ours.map((r) => r.loadMs);
  const oursFrame = ours.map((r) => r.frame?.meanMs ?? NaN);
  const cesLoad = cesium.map((r) => r.loadMs);
  const cesFrame = cesium.map((r) => r.frame?.meanMs ?? NaN);
  const o = {
    loadMs: r1(median(oursLoad)),
    tilesLoaded: median(ours.map((r) => r.tilesLoaded)),
    frameMs: r1(median(oursFrame)),
    drawCalls: median(ours.map((r) => r.drawCalls)),
    triangles: median(ours.map((r) => r.triangles)),
    tilesVisible: median(ours.map((r) => r.tilesVisible)),
    loadFrames: median(ours.map((r) => r.loadFrames)),
    firstLoadMs: r1(oursFirst.loadMs),
    runs: { loadMs: oursLoad.map(r1), frameMs: oursFrame.map(r1) },
  };
  const k = {
    loadMs: r1(median(cesLoad)),
    tilesLoaded: median(cesium.map((r) => r.atLoad.tilesLoaded)),
    frameMs: r1(median(cesFrame)),
    tilesSelected: median(cesium.map((r) => r.stats.tilesSelected)),
    tilesetCommands: median(cesium.map((r) => r.stats.tilesetCommands)),
    triangles: median(cesium.map((r) => r.stats.triangles)),
    loadFrames: median(cesium.map((r) => r.loadFrames)),
    firstLoadMs: r1(cesiumFirst.loadMs),
    runs: { loadMs: cesLoad.map(r1), frameMs: cesFrame.map(r1), allTilesLoadedEvents: cesium.map((r) => r.allTilesLoadedEvents) },
  };
  return {
    name: c.name,
    description: c.description,
    tileset: c.tileset,
    view: c.view,
    errorTarget: ERROR_TARGET,
    ours: o,
    cesium: k,
    ratio: { load: r2(median(oursLoad) / median(cesLoad)), frame: r2(median(oursFrame) / median(cesFrame)) },
  };
}

async function chromiumVersion(browser: LaunchedBrowser): Promise<string> {
  const v = browser.context.browser()?.version();
  if (v) return v;
  const p = await browser.context.newPage();
  try {
    return /Chrome\/([\d.]+)/.exec(await p.evaluate(() => navigator.userAgent))?.[1] ?? 'unknown';
  } finally {
    await p.close();
  }
}

/** Prints the results as JSON on stdout and writes them to `--out`. */
function writeOutput(output: { elapsedS: number }): void {
  const json = JSON.stringify(output, null, 2);
  const out = resolve(args.out!);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${json}\n`);
  process.stdout.write(`${json}\n`);
  log(`[bench] wrote ${out} in ${output.elapsedS} s`);
}

/** The app's server with the bench's mounts: the Cesium page, the bench scenes and the generated plans. */
function startBenchServer(data: string | null) {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: data,
    logger,
    setup: async (app) => {
      await app.register(staticFolder, { prefix: CESIUM_MOUNT, root: CESIUM_DIST, redirectToIndex: true, contentSecurityPolicy: CESIUM_CSP });
      await app.register(staticFolder, { prefix: '/bench-scenes', root: join(REPO_ROOT, 'bench', 'scenes') });
      mkdirSync(PLANS_DIR, { recursive: true });
      await app.register(staticFolder, { prefix: PLANS_MOUNT, root: PLANS_DIR });
    },
  });
}

function plansOptions(baseUrl: string, warn: (m: string) => void) {
  return { baseUrl, runs: RUNS, frames: FRAMES, timeoutMs: TIMEOUT_MS, log, warn, ...(args.screenshots ? { screenshot: join(SCREENSHOT_DIR, 'plans-10000-ours.png') } : {}) };
}

/** `--only plans`: the plans section alone (bench/plans.ts), same JSON file. */
async function mainPlansOnly(started: number): Promise<void> {
  const warnings: string[] = [];
  const warn = (m: string) => {
    warnings.push(m);
    log(`[bench] warning: ${m}`);
  };
  const { built, reason } = await ensureBuilt(REPO_ROOT, { logger: { ...logger, info: log }, quiet: true });
  if (!built) log(`[bench] using existing dist/ (${reason})`);
  if (args.screenshots) mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const server = await startBenchServer(dataDir());
  let plans;
  try {
    plans = await runPlansBench(plansOptions(server.url, warn));
  } finally {
    await server.close();
  }
  const cpuList = cpus();
  const output = {
    machine: { cpus: cpuList.length, node: process.version, cpuModel: cpuList[0]?.model ?? 'unknown' },
    date: new Date().toISOString(),
    settings: { frames: FRAMES, runs: RUNS, viewport: { width: 1280, height: 800 }, statistic: `median of ${RUNS} runs, each in a fresh Chromium` },
    plans,
    notices: ['--only plans: the viewer cases, bundle sizes and tools were not measured'],
    warnings,
    elapsedS: r1((performance.now() - started) / 1000),
  };
  writeOutput(output);
}

/** `--only algorithms`: the algorithms section alone (no build, no browser), same JSON file and shape. */
function mainAlgorithmsOnly(started: number): void {
  const cpuList = cpus();
  const algorithms = runAlgorithmsBench({ runs: RUNS, log });
  const output = {
    machine: { cpus: cpuList.length, node: process.version, cpuModel: cpuList[0]?.model ?? 'unknown' },
    date: new Date().toISOString(),
    algorithms,
    notices: ['--only algorithms: the viewer cases, bundle sizes, plans and tools were not measured'],
    warnings: [] as string[],
    elapsedS: r1((performance.now() - started) / 1000),
  };
  writeOutput(output);
}

/** `--only tools`: the tools section alone (no build, no browser), same JSON file and shape. */
async function mainToolsOnly(started: number): Promise<void> {
  const cpuList = cpus();
  const tools = await runToolsBench({ log });
  const output = {
    machine: { cpus: cpuList.length, node: process.version, cpuModel: cpuList[0]?.model ?? 'unknown' },
    date: new Date().toISOString(),
    tools,
    notices: ['--only tools: the viewer cases and bundle sizes were not measured'],
    warnings: [] as string[],
    elapsedS: r1((performance.now() - started) / 1000),
  };
  writeOutput(output);
}

async function main(): Promise<void> {
  const started = performance.now();
  if (args.only !== undefined && !['tools', 'viewer', 'plans', 'algorithms'].includes(args.only)) throw new Error(`--only ${args.only}: expected tools, viewer, plans or algorithms`);
  if (args.only === 'tools') return mainToolsOnly(started);
  if (args.only === 'algorithms') return mainAlgorithmsOnly(started);
  if (args.only === 'plans') return mainPlansOnly(started);
  const notices: string[] = [];
  const warnings: string[] = [];
  const notice = (m: string) => {
    notices.push(m);
    log(`[bench] notice: ${m}`);
  };
  const warn = (m: string) => {
    warnings.push(m);
    log(`[bench] warning: ${m}`);
  };

  const { built, reason } = await ensureBuilt(REPO_ROOT, { logger: { ...logger, info: log }, quiet: true });
  if (!built) log(`[bench] using existing dist/ (${reason})`);
  const cesiumBuild = await ensureCesiumBuilt(log);

  const data = dataDir();
  let cases = allCases(data, notice);
  if (args.case?.length) {
    const unknown = args.case.filter((n) => !cases.some((c) => c.name === n));
    if (unknown.length) throw new Error(`unknown --case ${unknown.join(', ')}; cases: ${cases.map((c) => c.name).join(', ')}`);
    cases = cases.filter((c) => args.case!.includes(c.name));
  }

  if (args.screenshots) mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const server = await startBenchServer(data);
  let chromium = '';
  const results: CaseResult[] = [];
  let plans: Awaited<ReturnType<typeof runPlansBench>> | undefined;
  try {
    log(`[bench] ${server.url}: ${cases.length} cases × 2 viewers × (1 first load + ${RUNS} runs of ${FRAMES} frames), error target ${ERROR_TARGET} px`);
    // a fresh Chromium (and profile) per case: cases do not inherit each other's caches or GPU state
    for (const c of cases) {
      const browser = await launchBrowser();
      try {
        // tsx (esbuild, keepNames) wraps named functions in __name(); functions passed to page.evaluate need it
        await browser.context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
        if (!chromium) chromium = await chromiumVersion(browser);
        results.push(await benchCase(browser, server.url, c, warn));
      } finally {
        await browser.close();
      }
    }
    // the plans section (bench/plans.ts): 10,000 plan polygons in our viewer
    if (args.only !== 'viewer') plans = await runPlansBench(plansOptions(server.url, warn));
  } finally {
    await server.close();
  }

  const ours = initialJs(join(REPO_ROOT, 'dist'), './');
  const ces = initialJs(CESIUM_DIST, `${CESIUM_MOUNT}/`);
  const leaked = cesiumInApp(join(REPO_ROOT, 'dist'));
  if (leaked.length) warn(`CesiumJS code found in the app bundle: ${leaked.join(', ')}`);
  // the tools section (bench/tools/): converters' throughput and peak memory, after the browsers are closed
  const tools = args.only === 'viewer' ? undefined : await runToolsBench({ log });
  const algorithms = args.only === 'viewer' ? undefined : runAlgorithmsBench({ runs: RUNS, log });
  const cpuList = cpus();
  const output = {
    machine: { cpus: cpuList.length, node: process.version, chromium, cpuModel: cpuList[0]?.model ?? 'unknown', cesium: cesiumBuild.cesiumVersion },
    date: new Date().toISOString(),
    settings: {
      frames: FRAMES,
      runs: RUNS,
      errorTarget: ERROR_TARGET,
      viewport: { width: 1280, height: 800 },
      statistic: `median of ${RUNS} runs per viewer, each in a fresh page, after one first load per viewer and case (firstLoadMs); a fresh Chromium per case`,
    },
    cases: results,
    bundle: {
      oursInitialJsGzip: ours.gzip,
      cesiumJsGzip: ces.gzip,
      cesiumStaticAssetsBytes: cesiumBuild.staticAssetsBytes,
      oursInitialJsFiles: ours.files,
      cesiumJsFiles: ces.files,
      cesiumInAppBundle: leaked.length > 0,
    },
    ...(plans ? { plans } : {}),
    ...(tools ? { tools } : {}),
    ...(algorithms ? { algorithms } : {}),
    notices,
    warnings,
    elapsedS: r1((performance.now() - started) / 1000),
  };
  writeOutput(output);
}

main().catch((err: unknown) => {
  log(`[bench] FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
