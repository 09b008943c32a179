/**
 * The arena server's log: three plain-text levels for people reading a terminal, and the adapter
 * that lets Fastify (which expects a pino-shaped logger) write through it.
 */

import type { FastifyBaseLogger } from 'fastify';

export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string, err?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (m) => console.log(m),
  warn: (m) => console.warn(m),
  error: (m, e) => console.error(m, e ?? ''),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** pino's call shapes: (msg), (obj, msg?), (err, msg?). */
function describe(args: unknown[]): { msg: string; err?: unknown } {
  const [first, second] = args;
  if (typeof first === 'string') return { msg: first };
  if (first instanceof Error) return { msg: typeof second === 'string' ? second : first.message, err: first };
  const obj = (first ?? {}) as { msg?: unknown; err?: unknown };
  const msg = typeof second === 'string' ? second : typeof obj.msg === 'string' ? obj.msg : '';
  return obj.err === undefined ? { msg } : { msg, err: obj.err };
}

/**
 * Fastify's logger interface over a {@link Logger}: fatal and error go to `error`, warn to `warn`,
 * info to `info`; debug and trace are dropped (request logging is off in the arena).
 */
export function fastifyLogger(logger: Logger, prefix = '[server]'): FastifyBaseLogger {
  const line = (msg: string) => `${prefix} ${msg}`;
  const toError = (...args: unknown[]) => {
    const { msg, err } = describe(args);
    logger.error(line(msg), err);
  };
  const out = {
    level: 'info',
    fatal: toError,
    error: toError,
    warn: (...args: unknown[]) => logger.warn(line(describe(args).msg)),
    info: (...args: unknown[]) => logger.info(line(describe(args).msg)),
    debug: () => {},
    trace: () => {},
    silent: () => {},
    child: () => out,
  };
  return out as unknown as FastifyBaseLogger;
}
