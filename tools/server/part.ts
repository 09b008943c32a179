/**
 * What a part of the arena server is, and what it is given.
 *
 * A part is one folder under tools/server/ (static/, health/, later broker/, rooms/, scenes/,
 * comments/, db/) whose index.ts exports an {@link ArenaPart}; tools/server/arena.ts lists the
 * parts, one line each. A part's plugin is encapsulated: its routes, hooks, decorators, error and
 * not-found handlers stay inside it, under its `prefix`. It may declare WebSocket routes
 * (`{ websocket: true }`, @fastify/websocket is registered for all parts), give an API route its
 * own rate limit (`config: { rateLimit: API_RATE_LIMIT }`), and release what it holds in an
 * `onClose` hook, which runs after every in-flight request has been answered.
 */

import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from './logger.ts';

/** Requests per minute per client address. */
export interface RateLimits {
  /** Every route unless it says otherwise: files, tiles, pages (generous: a city view fetches hundreds of tiles). */
  perMinute: number;
}

export interface ArenaConfig {
  /** The built app (dist/), served at '/'. */
  root: string;
  /** Folder mounted read-only at /data/, or null. */
  dataDir: string | null;
  /** package.json version, for /healthz. */
  version: string;
  logger: Logger;
  /** Rate limits, or false to switch them off. */
  rateLimit: RateLimits | false;
  /**
   * Other origins ('https://host:port') the app may load scenes and their data from; its own
   * origin is always allowed. From `--allow-origin` / `TWIN_ALLOWED_ORIGINS`.
   */
  allowedOrigins: readonly string[];
}

export interface PartOptions {
  config: ArenaConfig;
  /** The names of the parts that run, in order (for /healthz). */
  parts: readonly string[];
}

export interface ArenaPart {
  /** The part's folder name. */
  name: string;
  /** The URL prefix the part's routes live under ('' for the root). */
  prefix: string;
  plugin: FastifyPluginAsync<PartOptions>;
  /** Whether the part runs with this configuration (default: always). */
  enabled?: (config: ArenaConfig) => boolean;
}
