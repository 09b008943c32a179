/**
 * Vitest globalSetup for the e2e project: builds dist/ if stale, serves it in-process on a free
 * port (plus the shared data folder at /data/: test/shared-data.ts resolves it; missing, it is
 * not mounted and the tests that need it skip with a notice, or under CI=true the run fails) and
 * provides the URLs to the tests:
 *
 *   import { inject } from 'vitest';
 *   const baseUrl = inject('baseUrl');   // 'http://127.0.0.1:PORT/'
 *   const dataUrl = inject('dataUrl');   // 'http://127.0.0.1:PORT/data/' or null
 *   const wmsUrl = inject('wmsUrl');     // a WMS stand-in on another origin (test/e2e/raster/wms-stand-in.ts)
 */

import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CESIUM_CSP, CESIUM_DIST, CESIUM_MOUNT } from '../../bench/lib/cesium-build.ts';
import type { Logger } from '../../tools/server/logger.ts';
import { ensureBuilt, REPO_ROOT } from '../../tools/server/staleness.ts';
import { startServer } from '../../tools/server/start.ts';
import { staticFolder } from '../../tools/server/static/index.ts';
import { sharedData } from '../shared-data.ts';
import { CSP_SELF_TEST } from './harness/browser.ts';
import { startWmsStandIn } from './raster/wms-stand-in.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The app's base URL, with a trailing slash. */
    baseUrl: string;
    /** The /data/ mount (shared data sets) with a trailing slash, or null when not mounted. */
    dataUrl: string | null;
    /** test/fixtures served at /fixtures/ (test-only; never part of the build). */
    fixturesUrl: string;
    /** The WMS stand-in (test/e2e/raster/wms-stand-in.ts), on an origin of its own, with a trailing slash. */
    wmsUrl: string;
  }
}

/** Violation reports the browsers sent to the server's /csp-report during the run (workers included). */
const cspReports: string[] = [];

const logger: Logger = {
  info: () => {},
  warn: (m) => {
    // csp.test.ts provokes one violation on purpose, on a page marked with CSP_SELF_TEST
    if (m.startsWith('[csp]') && !m.includes(CSP_SELF_TEST)) cspReports.push(m);
    console.warn(m);
  },
  error: (m, e) => console.error(m, e ?? ''),
};

/**
 * Other origins the e2e server allows: errors.test.ts, harness.test.ts and raster-errors.test.ts
 * point layers at a server that does not answer (port 9), which must fail as an unreachable
 * server, not as a request the Content-Security-Policy refused; the WMS stand-in's origin is
 * added when it has started.
 */
const ALLOWED_ORIGINS = ['http://127.0.0.1:9'];

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // first, before the build: under CI=true a missing data folder fails the run at once
  const dataDir = sharedData('', 'the e2e tests that read the data folder at /data/');
  const { built, reason } = await ensureBuilt(REPO_ROOT, { logger: { ...logger, info: (m) => console.log(m) } });
  if (!built) console.log(`[e2e] using existing dist/ (${reason})`);

  // a map service elsewhere, as the municipality's would be: the operator allows its origin
  const wms = await startWmsStandIn();
  const fixtures = resolve(REPO_ROOT, 'test', 'fixtures');
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      logger,
      allowedOrigins: [...ALLOWED_ORIGINS, wms.url],
      setup: async (app) => {
        await app.register(staticFolder, { prefix: '/fixtures', root: fixtures });
        // generated test inputs (gitignored; dot segments are refused under /fixtures)
        await app.register(staticFolder, { prefix: '/fixtures/.generated', root: resolve(fixtures, '.generated') });
        // the CesiumJS page of bench/ (built on demand by test/e2e/harness/cesium.ts)
        await app.register(staticFolder, { prefix: CESIUM_MOUNT, root: CESIUM_DIST, redirectToIndex: true, contentSecurityPolicy: CESIUM_CSP });
      },
    });
  } catch (e) {
    await wms.close();
    throw e;
  }
  const dataUrl = dataDir ? new URL('data/', server.url).href : null;
  console.log(`[e2e] serving dist/ at ${server.url}${dataDir ? ` and ${dataDir} at ${dataUrl}` : ''}`);

  project.provide('baseUrl', server.url);
  project.provide('dataUrl', dataUrl);
  project.provide('fixturesUrl', new URL('fixtures/', server.url).href);
  project.provide('wmsUrl', wms.url);

  return async () => {
    await server.close();
    await wms.close();
    if (cspReports.length > 0) {
      throw new Error(`[e2e] the browsers reported ${cspReports.length} Content-Security-Policy violation(s):\n${cspReports.join('\n')}`);
    }
  };
}
