/**
 * What every response of the arena gets, whatever part answers it: security headers (helmet:
 * the app's Content-Security-Policy from ./csp with `frame-ancestors 'self'`, `Referrer-Policy:
 * no-referrer`, `X-Content-Type-Options: nosniff`, …), a per-client rate limit, and the
 * plain-text error answers (./errors). Violation reports arrive at /csp-report (./csp-report).
 * Registered by arena.ts before the parts, without encapsulation, so it covers all of them.
 */

import fastifyHelmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import type { ArenaConfig } from '../part.ts';
import { appCspDirectives } from './csp.ts';
import { registerCspReports } from './csp-report.ts';
import { errorHandler } from './errors.ts';

function helmetOptions(config: ArenaConfig) {
  return {
    contentSecurityPolicy: { useDefaults: false, directives: appCspDirectives(config.allowedOrigins) },
    // Transport security belongs to whoever terminates TLS in front of the arena (often nobody, on a LAN).
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  } as const;
}

/**
 * Fastify answers a URL it cannot route (broken percent-encoding) before any hook runs: this
 * `frameworkErrors` handler gives that answer the same headers and a plain 400.
 */
export function frameworkErrors(config: ArenaConfig) {
  // The same options, through helmet itself (@fastify/helmet's types and helmet's differ only by module format).
  const headers = helmet(helmetOptions(config) as Parameters<typeof helmet>[0]);
  return (_error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    headers(request.raw, reply.raw, () => {
      void reply.code(400).header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'no-store').send('Bad request\n');
    });
  };
}

async function security(app: FastifyInstance, { config }: { config: ArenaConfig }): Promise<void> {
  await app.register(fastifyHelmet, helmetOptions(config));

  if (config.rateLimit) {
    await app.register(rateLimit, { global: true, max: config.rateLimit.perMinute, timeWindow: 60_000 });
  }

  app.setErrorHandler(errorHandler(config.logger));
  registerCspReports(app, config.logger);
  // The root's not-found answer is the catch-all part's (static/: the app's fallback or a plain 404).
}

export const securityPlugin = fp(security, { name: 'arena-security' });
