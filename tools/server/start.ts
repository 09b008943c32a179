/**
 * startServer(): the arena (./arena) listening on one port: the built app (dist/), an optional
 * read-only data folder at /data/, and the other parts. Used by `npm start` (tools/server.ts) and
 * in-process by the e2e tests and the benchmark (port 0).
 */

import type { Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createArena, type ArenaOptions } from './arena.ts';
import { consoleLogger, type Logger } from './logger.ts';
import type { RateLimits } from './part.ts';
import { parseOriginList } from './security/origins.ts';
import { DEFAULT_RATE_LIMITS } from './security/rate-limit.ts';
import { REPO_ROOT } from './staleness.ts';

export { NO_FALLBACK_PREFIXES } from './static/index.ts';

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
  /** Other origins the app may load scenes and data from (normalised; see security/origins.ts). */
  allowedOrigins?: readonly string[];
  /** Rate limits per client (default {@link DEFAULT_RATE_LIMITS}), or false for none. */
  rateLimit?: RateLimits | false;
  /** Extra registrations before listening (tests, the benchmark). */
  setup?: ArenaOptions['setup'];
}

export interface RunningServer {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:5173/ */
  url: string;
  port: number;
  host: string;
  root: string;
  dataDir: string | null;
  app: FastifyInstance;
  server: Server;
  /**
   * Stops accepting connections, lets in-flight requests finish (cut after `graceMs`), then runs
   * the parts' onClose hooks. Idempotent.
   */
  close(graceMs?: number): Promise<void>;
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

  const app = await createArena(
    {
      root,
      dataDir,
      logger,
      version: appVersion(),
      rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMITS,
      allowedOrigins: parseOriginList(options.allowedOrigins),
    },
    { setup: options.setup },
  );
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 5173, host });
  const port = (app.server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${urlHost(host)}:${port}/`,
    port,
    host,
    root,
    dataDir,
    app,
    server: app.server,
    close(graceMs = 5000) {
      closing ??= (async () => {
        // Fastify waits for in-flight requests. A keep-alive connection whose answer has just gone out
        // is idle from then on: close it as it becomes so (polling), and cut whatever is still busy
        // (a client that never finishes reading) after the grace period.
        const poll = setInterval(() => app.server.closeIdleConnections(), 25);
        const timer = setTimeout(() => app.server.closeAllConnections(), graceMs);
        poll.unref();
        timer.unref();
        try {
          await app.close();
        } finally {
          clearInterval(poll);
          clearTimeout(timer);
        }
      })();
      return closing;
    },
  };
}
