/** `GET /healthz`: a cheap liveness answer for operators and monitors. */

import type { ArenaPart } from '../part.ts';

export const healthPart: ArenaPart = {
  name: 'health',
  prefix: '/healthz',
  async plugin(app, { config, parts }) {
    app.get('/', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { ok: true, version: config.version, parts };
    });
  },
};
