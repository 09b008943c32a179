/**
 * Feature routes mounted on every server instance (the CLI and the in-process test server alike).
 *
 * This is where later features plug in, e.g.:
 *   app.upgrade('/mqtt', mqttBroker.handleUpgrade);   // WebSocket MQTT broker
 *   app.upgrade('/sync', arenaRelay.handleUpgrade);   // arena relay
 *   app.route('/sync', arenaRelay.handleHttp);        // optional HTTP side (status, REST)
 *   app.onClose(() => mqttBroker.close());
 * Keep each feature in its own module under tools/server/ and register it here.
 */

import type { App, Logger } from './app.ts';

export interface FeatureContext {
  logger: Logger;
  version: string;
}

export function registerFeatures(app: App, ctx: FeatureContext): void {
  app.route('/healthz', (req, res) => {
    const body = JSON.stringify({ ok: true, version: ctx.version, upgrades: app.upgrades() });
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
}
