/**
 * `GET /config.json`: what the page may do on this site, read by the app at start
 * (src/app/scene-origin.ts). Today: the other origins `?scene=` may load from, the operator's
 * `--allow-origin` list. It replaces the build's own public/config.json (which allows none), so
 * one dist/ works behind this server and on any static host.
 */

import type { ArenaPart } from '../part.ts';

export const siteConfigPart: ArenaPart = {
  name: 'site-config',
  prefix: '/config.json',
  async plugin(app, { config }) {
    const body = JSON.stringify({ allowedOrigins: config.allowedOrigins });
    app.get('/', async (_request, reply) => reply.header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-cache').send(body));
  },
};
