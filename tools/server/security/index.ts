/**
 * What every response of the arena gets, whatever part answers it: security headers (helmet),
 * a per-client rate limit, and the plain-text error answers (./errors).
 * Registered by arena.ts before the parts, without encapsulation, so it covers all of them.
 */

import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ArenaConfig } from '../part.ts';
import { errorHandler } from './errors.ts';

async function security(app: FastifyInstance, { config }: { config: ArenaConfig }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: false,
    // Transport security belongs to whoever terminates TLS in front of the arena (often nobody, on a LAN).
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });

  if (config.rateLimit) {
    await app.register(rateLimit, { global: true, max: config.rateLimit.perMinute, timeWindow: 60_000 });
  }

  app.setErrorHandler(errorHandler(config.logger));
  // The root's not-found answer is the catch-all part's (static/: the app's fallback or a plain 404).
}

export const securityPlugin = fp(security, { name: 'arena-security' });
