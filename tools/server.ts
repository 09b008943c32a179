/**
 * `npm start`: builds dist/ if it is missing or stale, then serves it on one port.
 *
 *   npx tsx tools/server.ts [--port 5173] [--host 0.0.0.0] [--data <dir>] [--allow-origin <origin>]… [--no-build]
 *
 * Environment: PORT, HOST, TWIN_DATA_DIR, TWIN_ALLOWED_ORIGINS (comma-separated) — the same
 * meaning as the flags; flags win.
 * The server lives in tools/server/: arena.ts wires its parts (one folder each: static/, health/…)
 * into one Fastify instance; start.ts listens. SIGINT/SIGTERM close it gracefully: no new
 * connections, in-flight requests finish, then the parts' close hooks run.
 */

import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { consoleLogger } from './server/logger.ts';
import { parseOriginList } from './server/security/origins.ts';
import { ensureBuilt } from './server/staleness.ts';
import { startServer } from './server/start.ts';

export { startServer, type RunningServer, type StartOptions } from './server/start.ts';
export { createArena, PARTS } from './server/arena.ts';

function lanUrls(port: number): string[] {
  const urls: string[] = [];
  for (const addrs of Object.values(networkInterfaces())) {
    for (const a of addrs ?? []) {
      if (a.family === 'IPv4' && !a.internal) urls.push(`http://${a.address}:${port}/`);
    }
  }
  return urls;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      data: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: npm start -- [--port N] [--host H] [--data DIR] [--allow-origin ORIGIN]... [--no-build]');
    return;
  }
  const port = Number(values.port ?? process.env.PORT ?? 5173);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${values.port ?? process.env.PORT}`);
  const host = values.host ?? process.env.HOST ?? '0.0.0.0';
  const dataOpt = values.data ?? process.env.TWIN_DATA_DIR;
  const dataDir = dataOpt ? resolve(dataOpt) : null;
  const allowedOrigins = parseOriginList(values['allow-origin'] ?? process.env.TWIN_ALLOWED_ORIGINS);

  if (!values['no-build']) await ensureBuilt(undefined, { logger: consoleLogger });

  const running = await startServer({ port, host, dataDir, allowedOrigins });
  console.log(`\n  Metacity Twin  ${running.url}`);
  if (host === '0.0.0.0') for (const u of lanUrls(running.port)) console.log(`  on the network ${u}`);
  if (dataDir) console.log(`  /data/ → ${dataDir}`);
  if (allowedOrigins.length > 0) console.log(`  scenes and data also from ${allowedOrigins.join(', ')}`);
  console.log('');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.log(`[server] ${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`[server] ${signal}: shutting down…`);
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('[server] shutdown failed:', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// Run only when executed directly (importing this module just re-exports startServer).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(`[server] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
