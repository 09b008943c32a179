/**
 * Headless Chromium for e2e tests (playwright-core driving Debian's Chromium; see STACK-NOTES).
 *
 *   const browser = await launchBrowser();
 *   try {
 *     const { page, errors } = await browser.openPage(inject('baseUrl'));
 *     const png = await page.screenshot();
 *     saveScreenshot('app-start', png);
 *     expect(screenshotStats(png).distinctColours).toBeGreaterThan(50);
 *     expect(errors.pageErrors).toEqual([]);
 *   } finally {
 *     await browser.close();
 *   }
 */

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { REPO_ROOT } from '../../../tools/server/staleness.ts';

/** Exactly the flags from STACK-NOTES (WebGL2 through SwiftShader, no network side traffic). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export const VIEWPORT = { width: 1280, height: 800 } as const;

/** `CHROMIUM_PATH`, else Debian's /usr/bin/chromium, else Playwright's own download (ensure-browser's fallback). */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    console.warn(`[e2e] CHROMIUM_PATH=${fromEnv} does not exist; looking elsewhere`);
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return bundled;
  throw new Error('No Chromium found: run `node tools/ensure-browser.mjs` or set CHROMIUM_PATH');
}

export interface PageErrors {
  /** Uncaught exceptions and unhandled rejections in the page. */
  pageErrors: string[];
  /** console.error messages (with their source location when known). */
  consoleErrors: string[];
  /** Requests that failed at the network level (refused, aborted, blocked…). */
  failedRequests: string[];
  /** Responses with HTTP status >= 400 ("404 http://…/tiles/x.glb"). */
  badResponses: string[];
}

export interface OpenedPage {
  page: Page;
  errors: PageErrors;
  /** All recorded problems as one list of lines (empty when clean). */
  problems(): string[];
}

export interface LaunchedBrowser {
  context: BrowserContext;
  profileDir: string;
  /**
   * Content-Security-Policy violations in any page or worker of this browser (from
   * `securitypolicyviolation` events and Chromium's console reports). `close()` fails the test
   * when there are any: the app must run under the server's policy without one.
   */
  cspViolations: string[];
  /** Opens a new tab, starts recording errors, then navigates (waits for `load`). */
  openPage(url: string, opts?: { waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit'; timeout?: number }): Promise<OpenedPage>;
  /** Closes Chromium and removes the temporary profile. */
  close(): Promise<void>;
}

export function recordErrors(page: Page): PageErrors {
  const errors: PageErrors = { pageErrors: [], consoleErrors: [], failedRequests: [], badResponses: [] };
  page.on('pageerror', (err) => errors.pageErrors.push(err.stack ?? String(err)));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    errors.consoleErrors.push(loc.url ? `${msg.text()} (${loc.url}:${loc.lineNumber})` : msg.text());
  });
  page.on('requestfailed', (req) => errors.failedRequests.push(`${req.failure()?.errorText ?? 'failed'} ${req.url()}`));
  page.on('response', (res) => {
    if (res.status() >= 400) errors.badResponses.push(`${res.status()} ${res.url()}`);
  });
  return errors;
}

/** Chromium's console line for a blocked resource or script ("Refused to … Content Security Policy …"). */
const CSP_CONSOLE_RE = /Content Security Policy/i;

/** Records every CSP violation of the context's pages (events) and of its pages' and workers' consoles. */
async function watchCspViolations(context: BrowserContext, out: string[]): Promise<void> {
  await context.exposeBinding('__twinReportCspViolation', ({ page }, line: string) => {
    out.push(`${line} (page ${page?.url() ?? '?'})`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __twinReportCspViolation?: (line: string) => void }).__twinReportCspViolation;
      report?.(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  context.on('console', (msg) => {
    if (CSP_CONSOLE_RE.test(msg.text())) out.push(`console: ${msg.text()}`);
  });
}

export async function launchBrowser(opts: { args?: string[]; viewport?: { width: number; height: number }; hasTouch?: boolean } = {}): Promise<LaunchedBrowser> {
  const profileDir = mkdtempSync(join(tmpdir(), 'twin-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath(),
      headless: true,
      args: [...CHROMIUM_ARGS, ...(opts.args ?? [])],
      viewport: opts.viewport ?? VIEWPORT,
      hasTouch: opts.hasTouch ?? false,
    });
  } catch (err) {
    rmSync(profileDir, { recursive: true, force: true });
    throw err;
  }
  const cspViolations: string[] = [];
  try {
    await watchCspViolations(context, cspViolations);
  } catch (err) {
    await context.close().catch(() => {});
    rmSync(profileDir, { recursive: true, force: true });
    throw err;
  }
  let closed = false;
  return {
    context,
    profileDir,
    cspViolations,
    async openPage(url, o = {}) {
      const page = await context.newPage();
      const errors = recordErrors(page);
      await page.goto(url, { waitUntil: o.waitUntil ?? 'load', timeout: o.timeout ?? 60_000 });
      return {
        page,
        errors,
        problems: () => [
          ...errors.pageErrors.map((e) => `pageerror: ${e}`),
          ...errors.consoleErrors.map((e) => `console.error: ${e}`),
          ...errors.failedRequests.map((e) => `request failed: ${e}`),
          ...errors.badResponses.map((e) => `HTTP ${e}`),
        ],
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await context.close();
      } finally {
        rmSync(profileDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
      }
      if (cspViolations.length > 0) {
        throw new Error(`Content-Security-Policy violations:\n${[...new Set(cspViolations)].join('\n')}`);
      }
    },
  };
}

/** The query that marks csp.test.ts's page with its deliberate violation (the run ignores its report). */
export const CSP_SELF_TEST = 'csp-self-test=1';

/**
 * Adds CSS to a page as a constructed style sheet and returns its removal. The server's
 * Content-Security-Policy refuses inline `<style>` elements (what `page.addStyleTag` adds); the
 * CSS object model is not subject to it.
 */
export async function addStyleSheet(page: Page, css: string): Promise<() => Promise<void>> {
  const id = await page.evaluate((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return document.adoptedStyleSheets.length - 1;
  }, css);
  return async () => {
    await page.evaluate((index) => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((_, i) => i !== index);
    }, id);
  };
}

export interface ScreenshotStats {
  width: number;
  height: number;
  /** Mean Rec. 709 luma, 0–255. */
  meanLuma: number;
  /** Variance of luma (0 for a flat image). */
  variance: number;
  /** Number of distinct RGB colours. */
  distinctColours: number;
}

/**
 * Cheap "is this screenshot blank?" numbers from a PNG buffer. Over a whole page the panels
 * alone pass any such floor: to ask whether the 3D view draws, use the canvas alone
 * (test/e2e/harness/canvas.ts).
 */
export function screenshotStats(png: Buffer): ScreenshotStats {
  return imageStats(PNG.sync.read(png));
}

/** {@link screenshotStats} of a decoded image. */
export function imageStats(img: PNG): ScreenshotStats {
  const { width, height, data } = img;
  const n = width * height;
  const colours = new Set<number>();
  // Shifted sums (by the first pixel's luma): exact 0 variance for flat images, no cancellation.
  const luma = (o: number) => 0.2126 * data[o]! + 0.7152 * data[o + 1]! + 0.0722 * data[o + 2]!;
  const k = n ? luma(0) : 0;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const o = i * 4;
    const r = data[o]!;
    const g = data[o + 1]!;
    const b = data[o + 2]!;
    const d = 0.2126 * r + 0.7152 * g + 0.0722 * b - k;
    sum += d;
    sumSq += d * d;
    colours.add((r << 16) | (g << 8) | b);
  }
  const meanShift = n ? sum / n : 0;
  const meanLuma = k + meanShift;
  const variance = n ? Math.max(0, sumSq / n - meanShift * meanShift) : 0;
  return { width, height, meanLuma, variance, distinctColours: colours.size };
}

/**
 * Writes `test-results/<name>.png` (gitignored) and returns its path: for an image that a test
 * examines (its path goes into the failure message). An image no test examines goes through
 * {@link saveScreenshotForPeople}.
 */
export function saveScreenshot(name: string, buf: Buffer): string {
  return writePng(join(REPO_ROOT, 'test-results'), name, buf);
}

/**
 * Writes `test-results/for-people/<name>.png` and returns its path: a picture for a person to
 * look at (what a view looks like, for review and documentation). No test examines it; the
 * test that takes it checks its claims by other means.
 */
export function saveScreenshotForPeople(name: string, buf: Buffer): string {
  return writePng(join(REPO_ROOT, 'test-results', 'for-people'), name, buf);
}

function writePng(dir: string, name: string, buf: Buffer): string {
  mkdirSync(dir, { recursive: true });
  const safe = name.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '');
  const file = join(dir, safe.endsWith('.png') ? safe : `${safe}.png`);
  writeFileSync(file, buf);
  return file;
}
