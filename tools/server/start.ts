/**
 * startServer(): one HTTP server on one port serving the built app (dist/), an optional read-only
 * data folder at /data/, and the feature routes (./features). Used by `npm start` (tools/server.ts)
 * and in-process by the e2e tests (port 0).
 */

import type { Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { consoleLogger, createApp, type App, type Logger } from './app.ts';
import { registerFeatures } from './features.ts';
import { REPO_ROOT } from './staleness.ts';
import { createStaticHandler } from './static.ts';

/** URL prefixes that hold files only: a missing path there is a 404, never the SPA's index.html. */
export const NO_FALLBACK_PREFIXES = ['/assets', '/tiles', '/decoders', '/data', '/scenes', '/plans', '/schema', '/xr-profiles'];

export interface StartOptions {
  /** Port (0 = any free port). Default 5173. */
  port?: number;
  /** Interface to bind. Default '127.0.0.1'. */
  host?: string;
  /** Folder to serve at '/'. Default <repo>/dist. */
  root?: string;
  /** Folder mounted read-only at /data/ (never part of the build). Default: none. */
  dataDir?: string | null;
  logger?: Logger;
  /** Extra registrations before listening (tests, experiments). */
  setup?: (app: App) => void;
}

export interface RunningServer {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:5173/ */
  url: string;
  port: number;
  host: string;
  root: string;
  dataDir: string | null;
  app: App;
  server: Server;
  close(): Promise<void>;
}

export function appVersion(repoRoot: string = REPO_ROOT): string {
  try {
    return (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? consoleLogger;
  const root = resolve(options.root ?? join(REPO_ROOT, 'dist'));
  const dataDir = options.dataDir ? resolve(options.dataDir) : null;
  if (!existsSync(join(root, 'index.html'))) logger.warn(`[server] ${root}/index.html does not exist (not built yet?)`);
  if (dataDir && !existsSync(dataDir)) throw new Error(`data folder does not exist: ${dataDir}`);

  const app = createApp({ logger });
  registerFeatures(app, { logger, version: appVersion() });
  if (dataDir) app.route('/data', createStaticHandler({ root: dataDir, mount: '/data', cors: true, logger }));
  app.route('/', createStaticHandler({ root, mount: '/', fallback: 'index.html', noFallback: NO_FALLBACK_PREFIXES, logger }));
  options.setup?.(app);

  const { server, port, host } = await app.listen(options.port ?? 5173, options.host ?? '127.0.0.1');
  return {
    url: `http://${urlHost(host)}:${port}/`,
    port,
    host,
    root,
    dataDir,
    app,
    server,
    close: () => app.close(),
  };
}
