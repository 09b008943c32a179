/**
 * Vitest globalSetup for the e2e project: builds dist/ if stale, serves it in-process on a free
 * port (plus the shared data folder at /data/: test/shared-data.ts resolves it; missing, it is
 * not mounted and the tests that need it skip with a notice, or under CI=true the run fails) and
 * provides the URLs to the tests:
 *
 *   import { inject } from 'vitest';
 *   const baseUrl = inject('baseUrl');   // 'http://127.0.0.1:PORT/'
 *   const dataUrl = inject('dataUrl');   // 'http://127.0.0.1:PORT/data/' or null
 */

import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CESIUM_DIST, CESIUM_MOUNT } from '../../bench/lib/cesium-build.ts';
import type { Logger } from '../../tools/server/app.ts';
import { ensureBuilt, REPO_ROOT } from '../../tools/server/staleness.ts';
import { startServer } from '../../tools/server/start.ts';
import { createStaticHandler } from '../../tools/server/static.ts';
import { sharedData } from '../shared-data.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The app's base URL, with a trailing slash. */
    baseUrl: string;
    /** The /data/ mount (shared data sets) with a trailing slash, or null when not mounted. */
    dataUrl: string | null;
    /** test/fixtures served at /fixtures/ (test-only; never part of the build). */
    fixturesUrl: string;
  }
}

const logger: Logger = {
  info: () => {},
  warn: (m) => console.warn(m),
  error: (m, e) => console.error(m, e ?? ''),
};

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // first, before the build: under CI=true a missing data folder fails the run at once
  const dataDir = sharedData('', 'the e2e tests that read the data folder at /data/');
  const { built, reason } = await ensureBuilt(REPO_ROOT, { logger: { ...logger, info: (m) => console.log(m) } });
  if (!built) console.log(`[e2e] using existing dist/ (${reason})`);

  const fixtures = resolve(REPO_ROOT, 'test', 'fixtures');
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logger,
    setup: (app) => {
      app.route('/fixtures', createStaticHandler({ root: fixtures, mount: '/fixtures', logger }));
      // generated test inputs (gitignored; the static handler refuses the dot segment under /fixtures)
      app.route('/fixtures/.generated', createStaticHandler({ root: resolve(fixtures, '.generated'), mount: '/fixtures/.generated', logger }));
      // the CesiumJS page of bench/ (built on demand by test/e2e/harness/cesium.ts)
      app.route(CESIUM_MOUNT, createStaticHandler({ root: CESIUM_DIST, mount: CESIUM_MOUNT, logger }));
    },
  });
  const dataUrl = dataDir ? new URL('data/', server.url).href : null;
  console.log(`[e2e] serving dist/ at ${server.url}${dataDir ? ` and ${dataDir} at ${dataUrl}` : ''}`);

  project.provide('baseUrl', server.url);
  project.provide('dataUrl', dataUrl);
  project.provide('fixturesUrl', new URL('fixtures/', server.url).href);

  return async () => {
    await server.close();
  };
}
