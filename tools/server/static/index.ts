/**
 * The arena's files: the built app at '/' (with the single-page fallback) and the operator's data
 * folder at /data/ (read-only, public, inert). `staticFolder` is exported for extra mounts (tests,
 * the benchmark).
 */

import type { ArenaPart } from '../part.ts';
import { spaFallback } from './fallback.ts';
import { staticFolder } from './folder.ts';
import { cacheControl } from './mime.ts';

export { staticFolder, type FolderOptions } from './folder.ts';
export { NO_FALLBACK_PREFIXES } from './fallback.ts';

/** The operator's data folder (`--data`), read-only at /data/. */
export const dataPart: ArenaPart = {
  name: 'data',
  prefix: '/data',
  enabled: (config) => config.dataDir !== null,
  async plugin(app, { config }) {
    await app.register(staticFolder, { root: config.dataDir!, cors: true, inert: true });
  },
};

/** The built app (dist/) at '/', the catch-all: register it last. */
export const appFilesPart: ArenaPart = {
  name: 'app',
  prefix: '',
  async plugin(app, { config }) {
    await app.register(staticFolder, {
      root: config.root,
      cacheControl: (rel) => cacheControl(`/${rel}`),
      redirectToIndex: true,
      notFound: spaFallback(config.root),
    });
  },
};
