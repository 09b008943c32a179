/**
 * A tiny route registry on top of Node's `http` module (no express).
 *
 * HTTP:    app.route(prefix, handler)
 *   - `prefix` is a path prefix matched on whole segments: '/data' matches '/data' and '/data/x',
 *     not '/database'. '/' matches everything and is the usual catch-all (static files).
 *   - The longest matching prefix runs first. A handler that returns (or resolves to) `false`
 *     passes the request on to the next-longest matching prefix; anything else means "handled".
 *   - No match (or every match passed): 404.
 *   - A handler that throws / rejects: 500 (if headers were not sent yet), and the error is logged.
 *
 * WebSocket (and any other `Upgrade:`) requests:  app.upgrade(path, handler)
 *   - `path` is matched exactly on the URL pathname (query ignored, trailing slash ignored).
 *   - The handler owns the socket: it does the handshake (e.g. a WebSocket accept) and the framing.
 *   - Unknown paths get `404 Not Found` written on the raw socket, which is then destroyed.
 *   - Upgraded sockets are tracked and destroyed by `close()`, after the `onClose` hooks have run.
 *
 * Lifecycle: app.onClose(fn) registers cleanup (e.g. an MQTT broker closing its clients) that runs
 * when the server closes.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

export interface RouteContext {
  /** Parsed request URL (host is always 'localhost'; read req.headers.host for the real one). */
  url: URL;
  /** URL pathname, still percent-encoded (as received). */
  pathname: string;
  /** The prefix the route was registered with (normalised, no trailing slash except '/'). */
  prefix: string;
  /** The pathname after the prefix, always starting with '/' (e.g. '/data/a/b.json' under '/data' → '/a/b.json'). */
  subpath: string;
}

export type RouteResult = void | boolean | undefined;
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext,
) => RouteResult | Promise<RouteResult>;

export interface UpgradeContext {
  url: URL;
  pathname: string;
}
export type UpgradeHandler = (
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  ctx: UpgradeContext,
) => void | Promise<void>;

export type CloseHook = () => void | Promise<void>;

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

interface Route {
  prefix: string;
  handler: RouteHandler;
}

export interface App {
  /** Registers an HTTP handler for a path prefix. Throws if the prefix is already taken. */
  route(prefix: string, handler: RouteHandler): App;
  /** Registers an upgrade (WebSocket) handler for an exact path. Throws if the path is already taken. */
  upgrade(path: string, handler: UpgradeHandler): App;
  /** Registers cleanup to run on close (in registration order, awaited). */
  onClose(hook: CloseHook): App;
  /** The registered HTTP prefixes, longest first (the order they are tried in). */
  routes(): string[];
  /** The registered upgrade paths. */
  upgrades(): string[];
  /** The Node request listener (usable with any http.Server). */
  handleRequest(req: IncomingMessage, res: ServerResponse): void;
  /** The Node 'upgrade' listener. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Creates an http.Server, wires both listeners and listens. Resolves once listening. */
  listen(port: number, host?: string): Promise<{ server: Server; port: number; host: string }>;
  /** Runs the close hooks, destroys upgraded sockets, stops the server (idempotent). */
  close(graceMs?: number): Promise<void>;
}

/** '/data/' → '/data', '' → '/', 'mqtt' → '/mqtt'. */
export function normalisePrefix(prefix: string): string {
  let p = prefix.trim();
  if (!p.startsWith('/')) p = `/${p}`;
  while (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}

/** Whether `pathname` lies under `prefix` on whole path segments. */
export function matchesPrefix(pathname: string, prefix: string): boolean {
  if (prefix === '/') return true;
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

function subpathOf(pathname: string, prefix: string): string {
  if (prefix === '/') return pathname;
  const rest = pathname.slice(prefix.length);
  return rest === '' ? '/' : rest;
}

/**
 * Parses the request target. The base is fixed (never the Host header), and origin-form targets are
 * appended rather than resolved, so '//evil/x' stays the path '//evil/x' instead of becoming a host.
 */
export function parseUrl(req: IncomingMessage): URL | null {
  const target = req.url ?? '/';
  try {
    return target.startsWith('/') ? new URL(`http://localhost${target}`) : new URL(target);
  } catch {
    return null;
  }
}

function sendText(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export function createApp(options: { logger?: Logger } = {}): App {
  const logger = options.logger ?? consoleLogger;
  const routes: Route[] = [];
  const upgrades = new Map<string, UpgradeHandler>();
  const closeHooks: CloseHook[] = [];
  const upgradedSockets = new Set<Duplex>();
  let server: Server | null = null;
  let closing: Promise<void> | null = null;

  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = parseUrl(req);
    if (!url) {
      sendText(res, 400, 'Bad request\n');
      return;
    }
    const pathname = url.pathname;
    for (const route of routes) {
      if (!matchesPrefix(pathname, route.prefix)) continue;
      const ctx: RouteContext = { url, pathname, prefix: route.prefix, subpath: subpathOf(pathname, route.prefix) };
      const result = await route.handler(req, res, ctx);
      if (result !== false) return;
      if (res.headersSent || res.writableEnded) return; // passed after writing: treat as handled
    }
    sendText(res, 404, 'Not found\n');
  }

  const app: App = {
    route(prefix, handler) {
      const p = normalisePrefix(prefix);
      if (routes.some((r) => r.prefix === p)) throw new Error(`Route prefix already registered: ${p}`);
      routes.push({ prefix: p, handler });
      // Longest prefix first; equal lengths keep registration order (sort is stable).
      routes.sort((a, b) => b.prefix.length - a.prefix.length);
      return app;
    },

    upgrade(path, handler) {
      const p = normalisePrefix(path);
      if (upgrades.has(p)) throw new Error(`Upgrade path already registered: ${p}`);
      upgrades.set(p, handler);
      return app;
    },

    onClose(hook) {
      closeHooks.push(hook);
      return app;
    },

    routes: () => routes.map((r) => r.prefix),
    upgrades: () => [...upgrades.keys()],

    handleRequest(req, res) {
      dispatch(req, res).catch((err: unknown) => {
        logger.error(`[server] ${req.method} ${req.url} failed:`, err);
        sendText(res, 500, 'Internal server error\n');
      });
    },

    handleUpgrade(req, socket, head) {
      const url = parseUrl(req);
      const pathname = url ? normalisePrefix(url.pathname) : '';
      const handler = url ? upgrades.get(pathname) : undefined;
      if (!url || !handler || closing) {
        const status = !url ? '400 Bad Request' : closing ? '503 Service Unavailable' : '404 Not Found';
        socket.on('error', () => socket.destroy());
        socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
        return;
      }
      upgradedSockets.add(socket);
      socket.once('close', () => upgradedSockets.delete(socket));
      socket.on('error', (err) => logger.warn(`[server] upgrade socket ${pathname}: ${err.message}`));
      Promise.resolve()
        .then(() => handler(req, socket, head, { url, pathname }))
        .catch((err: unknown) => {
          logger.error(`[server] upgrade ${pathname} failed:`, err);
          socket.destroy();
        });
    },

    listen(port, host = '127.0.0.1') {
      if (server) return Promise.reject(new Error('App is already listening'));
      const srv = createServer(app.handleRequest);
      srv.on('upgrade', app.handleUpgrade);
      srv.on('clientError', (err, socket) => {
        if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
        else socket.destroy();
        void err;
      });
      server = srv;
      return new Promise((resolve, reject) => {
        srv.once('error', reject);
        srv.listen(port, host, () => {
          srv.off('error', reject);
          const addr = srv.address() as AddressInfo;
          resolve({ server: srv, port: addr.port, host });
        });
      });
    },

    close(graceMs = 2000) {
      if (closing) return closing;
      closing = (async () => {
        for (const hook of closeHooks) {
          try {
            await hook();
          } catch (err) {
            logger.error('[server] close hook failed:', err);
          }
        }
        for (const s of upgradedSockets) s.destroy();
        upgradedSockets.clear();
        const srv = server;
        if (!srv) return;
        await new Promise<void>((resolve) => {
          // Keep-alive connections become idle once their response has finished: close them as
          // they do (polling), and cut whatever is still busy after the grace period.
          const poll = setInterval(() => srv.closeIdleConnections(), 25);
          const timer = setTimeout(() => srv.closeAllConnections(), graceMs);
          poll.unref();
          timer.unref();
          srv.close(() => {
            clearInterval(poll);
            clearTimeout(timer);
            resolve();
          });
          srv.closeIdleConnections();
        });
      })();
      return closing;
    },
  };
  return app;
}
