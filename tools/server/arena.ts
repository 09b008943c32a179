/**
 * The arena server: one Fastify instance, one port, its parts wired together here and only here.
 *
 * To add a part (an MQTT broker at /mqtt, rooms at /sync, an API at /api/scenes…): make a folder
 * tools/server/<part>/ whose index.ts exports an `ArenaPart` (see ./part.ts), and add it to
 * `PARTS` below, before `appFilesPart` (the catch-all for the app's files).
 */

import websocket from '@fastify/websocket';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { healthPart } from './health/index.ts';
import { fastifyLogger } from './logger.ts';
import type { ArenaConfig, ArenaPart } from './part.ts';
import { sendNotFound } from './security/errors.ts';
import { frameworkErrors, securityPlugin } from './security/index.ts';
import { siteConfigPart } from './site-config/index.ts';
import { appFilesPart, dataPart } from './static/index.ts';

export const PARTS: readonly ArenaPart[] = [
  healthPart,
  siteConfigPart,
  dataPart,
  appFilesPart, // last: everything no other part answers
];

/**
 * '/fixtures//plans/a.json' → '/fixtures/plans/a.json', '//evil.example/x' → '/evil.example/x':
 * runs of slashes in the path are one slash (URL joins in scenes produce them, and the static
 * files refuse non-canonical paths). The query is left alone. A redirect built from the result
 * never starts with '//', so it never names another host.
 */
export function collapseSlashes(url: string): string {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  return path.includes('//') ? path.replace(/\/{2,}/g, '/') + (q === -1 ? '' : url.slice(q)) : url;
}

/** Longest time a request may take to arrive, headers and body (slow clients hold sockets). */
const REQUEST_TIMEOUT_MS = 30_000;

export interface ArenaOptions {
  /** Extra registrations after the parts (tests and the benchmark mount their folders here). */
  setup?: (app: FastifyInstance) => void | Promise<void>;
  /** The parts to run (default: {@link PARTS}). */
  parts?: readonly ArenaPart[];
}

/** Builds the arena (not listening yet): security, WebSocket support, then each enabled part. */
export async function createArena(config: ArenaConfig, options: ArenaOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: fastifyLogger(config.logger),
    logController: new LogController({ disableRequestLogging: true }),
    requestTimeout: REQUEST_TIMEOUT_MS,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    frameworkErrors: frameworkErrors(config),
    rewriteUrl: (request) => collapseSlashes(request.url ?? '/'),
  });
  await app.register(securityPlugin, { config });
  await app.register(websocket);
  // An upgrade to a path without a WebSocket route is a 404, not an upgraded socket that closes at once.
  app.addHook('onRoute', (route) => {
    route.config = Object.assign(route.config ?? {}, { websocket: route.websocket === true });
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.ws && !(request.routeOptions.config as { websocket?: boolean }).websocket) return sendNotFound(reply);
  });

  const parts = (options.parts ?? PARTS).filter((p) => p.enabled?.(config) ?? true);
  const names = parts.map((p) => p.name);
  for (const part of parts) await app.register(part.plugin, { prefix: part.prefix, config, parts: names });
  await options.setup?.(app);
  await app.ready();
  return app;
}
