/**
 * The plans section of `npm run bench`: a synthetic detaljplan of 10,000 polygons
 * (tools/demo/plan-synth.ts, NGP Detaljplan 4.1 JSON in EPSG:3014, about 3 km across) loaded
 * as the only layer of a scene in our app, in a view that shows the whole plan.
 *
 * Each run opens a fresh page on the empty scene, then measures:
 * - `readyMs`: `twin.loadScene(doc)` → `twin.idle()` (the plan fetched, parsed, triangulated,
 *   uploaded, and 3 quiet frames), timed in the page;
 * - `drawCalls`, `triangles`: `twin.stats()` at that view once ready; the same scene without the
 *   plan layer gives the base (`withoutPlan`), so `planDrawCalls` is the plan's own share;
 * - the main thread's JS heap (CDP `Performance.getMetrics` `JSHeapUsedSize`, after a forced
 *   garbage collection) before the load and once ready. Work done in Web Workers is not in it.
 * - `frameMs`: the mean requestAnimationFrame interval over at most `PLANS_FRAMES` frames once
 *   ready (SwiftShader draws this view slowly; more frames add minutes and little precision).
 * The JSON reports medians over the runs, and every run.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { launchBrowser } from '../test/e2e/harness/browser.ts';
import '../test/e2e/harness/twin.ts'; // window.twin's type
import { synthPlan } from '../tools/demo/plan-synth.ts';
import { DEMO_ORIGIN } from '../tools/demo/origin.ts';
import { ngpText, writeNgpDetaljplan } from '../tools/lib/ngp-writer.ts';
import { REPO_ROOT } from '../tools/server/staleness.ts';
import { measureFrames } from './lib/measure.ts';

/** Where the generated plans are written and served from (`/bench-plans/`). */
export const PLANS_DIR = join(REPO_ROOT, 'bench-results', 'plans');
export const PLANS_MOUNT = '/bench-plans';
export const PLAN_POLYGONS = 10_000;
/** Draw calls the plan may take (issue 4's budget). */
export const PLAN_DRAW_CALL_BUDGET = 20;
/** At most this many frames are timed per run. */
export const PLANS_FRAMES = 10;

/** Straight down over the plan's centre, high enough for its ~3 km to fit the 50° vertical field of view. */
export const PLANS_VIEW = { lon: DEMO_ORIGIN.lon, lat: DEMO_ORIGIN.lat + 0.0004, height: DEMO_ORIGIN.height + 3600, heading: 0, pitch: -90, fov: 50 };

export interface PlansBenchOptions {
  baseUrl: string;
  runs: number;
  frames: number;
  timeoutMs: number;
  log: (m: string) => void;
  warn: (m: string) => void;
  /** When set, a PNG of the first run's loaded view is written here. */
  screenshot?: string;
}

interface PlanRun {
  readyMs: number;
  state: string;
  featureCount: number | null;
  drawCalls: number;
  triangles: number;
  frameMs: number | null;
  heapBeforeBytes: number;
  heapAfterBytes: number;
  problems: string[];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const mib = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/** Writes the synthetic plan (deterministic; rewritten each time, about 0.3 s). */
export function preparePlanFile(count = PLAN_POLYGONS): { file: string; url: string; bytes: number; polygons: number; provisions: number; sideMetres: number } {
  const { plan, stats } = synthPlan({ count });
  const { collection } = writeNgpDetaljplan(plan);
  mkdirSync(PLANS_DIR, { recursive: true });
  const name = `synthetic-${count}.json`;
  const file = join(PLANS_DIR, name);
  writeFileSync(file, ngpText(collection, 0));
  return { file, url: `${PLANS_MOUNT}/${name}`, bytes: statSync(file).size, polygons: stats.polygons, provisions: collection.features.length - 1, sideMetres: stats.sideMetres };
}

function sceneDoc(planUrl: string | null) {
  return {
    version: 1,
    title: planUrl ? 'bench: 10,000 plan polygons' : 'bench: the same view without the plan',
    origin: { lon: DEMO_ORIGIN.lon, lat: DEMO_ORIGIN.lat, height: DEMO_ORIGIN.height },
    // a ground plane for the plan to be draped on (in both scenes, so the base counts it)
    ground: { colour: '#d9d6cc', height: DEMO_ORIGIN.height },
    layers: planUrl ? [{ id: 'plan', type: 'zoning', name: 'Synthetic plan', url: planUrl, format: 'ngp-detaljplan-4.1' }] : [],
    viewpoints: [{ id: 'plan', name: 'plan', ...PLANS_VIEW }],
    startViewpoint: 'plan',
  };
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}

async function oneRun(baseUrl: string, planUrl: string | null, o: PlansBenchOptions, screenshot?: string): Promise<PlanRun> {
  const browser = await launchBrowser();
  try {
    await browser.context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    const opened = await browser.openPage(new URL('?scene=/bench-scenes/empty.json', baseUrl).href);
    const { page } = opened;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.waitForFunction(() => typeof window.twin === 'object');
    await page.evaluate(() => window.twin.ready);
    await page.evaluate(() => window.twin.idle());
    const heapBeforeBytes = await heapUsed(cdp);
    const r = await page.evaluate(
      async ({ doc, timeoutMs }) => {
        const t0 = performance.now();
        await window.twin.loadScene(doc);
        const ok = await Promise.race([window.twin.idle().then(() => true), new Promise<boolean>((res) => setTimeout(() => res(false), timeoutMs))]);
        return { ok, readyMs: performance.now() - t0, layers: window.twin.layers() };
      },
      { doc: sceneDoc(planUrl ? new URL(planUrl, baseUrl).href : null), timeoutMs: o.timeoutMs },
    );
    if (!r.ok) throw new Error(`plans: twin.idle() did not resolve within ${o.timeoutMs} ms; layers: ${JSON.stringify(r.layers)}`);
    const layer = r.layers[0];
    if (planUrl && layer?.state !== 'ready') throw new Error(`plans: the plan layer is ${JSON.stringify(layer)}`);
    const frame = o.frames > 0 ? await measureFrames(page, Math.min(o.frames, PLANS_FRAMES)) : null;
    const stats = await page.evaluate(() => window.twin.stats());
    const heapAfterBytes = await heapUsed(cdp);
    if (screenshot) await page.screenshot({ path: screenshot });
    return {
      readyMs: r.readyMs,
      state: layer?.state ?? 'none',
      featureCount: layer?.featureCount ?? null,
      drawCalls: stats.drawCalls,
      triangles: stats.triangles,
      frameMs: frame?.meanMs ?? null,
      heapBeforeBytes,
      heapAfterBytes,
      problems: opened.problems(),
    };
  } finally {
    await browser.close();
  }
}

export async function runPlansBench(o: PlansBenchOptions) {
  const plan = preparePlanFile();
  o.log(`[bench] plans: ${plan.polygons} polygons, ${plan.provisions} provisions, ${mib(plan.bytes)} MiB; ${o.runs} runs with and without the plan, a fresh Chromium each`);
  const withPlan: PlanRun[] = [];
  const without: PlanRun[] = [];
  for (let i = 0; i < o.runs; i++) {
    const w = await oneRun(o.baseUrl, plan.url, o, i === 0 ? o.screenshot : undefined);
    const b = await oneRun(o.baseUrl, null, o);
    for (const p of [...w.problems, ...b.problems]) o.warn(`plans: ${p.split('\n')[0]}`);
    withPlan.push(w);
    without.push(b);
    o.log(
      `[bench] plans run ${i + 1}/${o.runs}: ready in ${r1(w.readyMs)} ms, ${w.drawCalls} draw calls (${b.drawCalls} without the plan), ` +
        `${w.triangles} triangles, heap ${mib(w.heapBeforeBytes)} → ${mib(w.heapAfterBytes)} MiB, ${r1(w.frameMs ?? NaN)} ms/frame`,
    );
  }
  const m = (runs: PlanRun[], f: (r: PlanRun) => number) => median(runs.map(f));
  const planDrawCalls = m(withPlan, (r) => r.drawCalls) - m(without, (r) => r.drawCalls);
  if (planDrawCalls > PLAN_DRAW_CALL_BUDGET) o.warn(`plans: the plan takes ${planDrawCalls} draw calls, over the budget of ${PLAN_DRAW_CALL_BUDGET}`);
  return {
    description: `A synthetic detaljplan (npm run tools -- plan-synth --count ${PLAN_POLYGONS}) as the only layer, seen whole from straight above`,
    file: { url: plan.url, bytes: plan.bytes, polygons: plan.polygons, provisions: plan.provisions, sideMetres: plan.sideMetres },
    view: PLANS_VIEW,
    withPlan: {
      readyMs: r1(m(withPlan, (r) => r.readyMs)),
      drawCalls: m(withPlan, (r) => r.drawCalls),
      triangles: m(withPlan, (r) => r.triangles),
      featureCount: withPlan[0]!.featureCount,
      frameMs: r1(m(withPlan, (r) => r.frameMs ?? NaN)),
      heapBeforeMiB: mib(m(withPlan, (r) => r.heapBeforeBytes)),
      heapAfterMiB: mib(m(withPlan, (r) => r.heapAfterBytes)),
      heapDeltaMiB: mib(m(withPlan, (r) => r.heapAfterBytes - r.heapBeforeBytes)),
      runs: {
        readyMs: withPlan.map((r) => r1(r.readyMs)),
        drawCalls: withPlan.map((r) => r.drawCalls),
        heapDeltaMiB: withPlan.map((r) => mib(r.heapAfterBytes - r.heapBeforeBytes)),
        frameMs: withPlan.map((r) => r1(r.frameMs ?? NaN)),
      },
    },
    withoutPlan: {
      drawCalls: m(without, (r) => r.drawCalls),
      triangles: m(without, (r) => r.triangles),
      frameMs: r1(m(without, (r) => r.frameMs ?? NaN)),
      heapDeltaMiB: mib(m(without, (r) => r.heapAfterBytes - r.heapBeforeBytes)),
    },
    planDrawCalls,
    planTriangles: m(withPlan, (r) => r.triangles) - m(without, (r) => r.triangles),
    drawCallBudget: PLAN_DRAW_CALL_BUDGET,
    withinBudget: planDrawCalls <= PLAN_DRAW_CALL_BUDGET,
  };
}

export type PlansBenchResult = Awaited<ReturnType<typeof runPlansBench>>;
