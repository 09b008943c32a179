import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, matchesPrefix, normalisePrefix, silentLogger, type App } from '../../../tools/server/app.ts';
import { raw } from './helpers.ts';

let current: App | null = null;
afterEach(async () => {
  await current?.close(200);
  current = null;
});

async function listen(setup: (app: App) => void): Promise<{ app: App; url: string; port: number }> {
  const app = createApp({ logger: silentLogger });
  setup(app);
  current = app;
  const { port } = await app.listen(0, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${port}/`, port };
}

/** Sends a raw HTTP/1.1 upgrade request and resolves with everything received until close. */
function upgradeRequest(port: number, path: string, payload?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = connect(port, '127.0.0.1', () => {
      sock.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n`);
      if (payload) setTimeout(() => sock.write(payload), 20);
    });
    let data = '';
    sock.setEncoding('utf8');
    sock.on('data', (c: string) => {
      data += c;
      if (payload && data.includes(`echo:${payload}`)) sock.destroy();
    });
    sock.on('close', () => resolve(data));
    sock.on('error', reject);
  });
}

describe('prefix helpers', () => {
  it('normalisePrefix', () => {
    expect(normalisePrefix('/data/')).toBe('/data');
    expect(normalisePrefix('mqtt')).toBe('/mqtt');
    expect(normalisePrefix('')).toBe('/');
    expect(normalisePrefix('/')).toBe('/');
  });
  it('matchesPrefix works on whole segments', () => {
    expect(matchesPrefix('/data', '/data')).toBe(true);
    expect(matchesPrefix('/data/x/y', '/data')).toBe(true);
    expect(matchesPrefix('/database', '/data')).toBe(false);
    expect(matchesPrefix('/anything', '/')).toBe(true);
  });
});

describe('route registry', () => {
  it('dispatches to the longest matching prefix, with the subpath', async () => {
    const { url } = await listen((app) => {
      app.route('/', (_req, res, ctx) => void res.end(`root:${ctx.subpath}`));
      app.route('/sync', (_req, res, ctx) => void res.end(`sync:${ctx.subpath}`));
      app.route('/sync/admin/', (_req, res, ctx) => void res.end(`admin:${ctx.subpath}`));
    });
    expect((await raw(url, '/x/y')).text).toBe('root:/x/y');
    expect((await raw(url, '/sync')).text).toBe('sync:/');
    expect((await raw(url, '/sync/rooms/1?x=2')).text).toBe('sync:/rooms/1');
    expect((await raw(url, '/sync/admin/ban')).text).toBe('admin:/ban');
    expect((await raw(url, '/syncx')).text).toBe('root:/syncx');
  });

  it('lists routes longest first and refuses duplicates', () => {
    const app = createApp({ logger: silentLogger });
    app.route('/', () => {}).route('/mqtt', () => {}).route('/a/b', () => {});
    expect(app.routes()).toEqual(['/mqtt', '/a/b', '/']);
    expect(() => app.route('/mqtt/', () => {})).toThrow(/already registered/);
  });

  it('passes on to the next prefix when a handler returns false', async () => {
    const { url } = await listen((app) => {
      app.route('/', (_req, res) => void res.end('fallback'));
      app.route('/api', (_req, _res, ctx) => (ctx.subpath === '/skip' ? false : undefined) ?? void _res.end('api'));
    });
    expect((await raw(url, '/api/skip')).text).toBe('fallback');
    expect((await raw(url, '/api/x')).text).toBe('api');
  });

  it('404s when nothing matches, 500s when a handler throws', async () => {
    const { url } = await listen((app) => {
      app.route('/boom', async () => {
        throw new Error('boom');
      });
    });
    const missing = await raw(url, '/nothing');
    expect(missing.status).toBe(404);
    const boom = await raw(url, '/boom');
    expect(boom.status).toBe(500);
    expect(boom.text).not.toContain('boom');
  });

  it('keeps protocol-relative looking paths as paths', async () => {
    const { url } = await listen((app) => {
      app.route('/', (_req, res, ctx) => void res.end(ctx.pathname));
    });
    expect((await raw(url, '//evil.example/x')).text).toBe('//evil.example/x');
  });
});

describe('upgrade registry', () => {
  it('hands the socket of a matching upgrade to its handler', async () => {
    const { port } = await listen((app) => {
      app.upgrade('/mqtt', (req, socket, _head, ctx) => {
        socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nX-Path: ${ctx.pathname}\r\n\r\n`);
        socket.on('data', (d: Buffer) => socket.write(`echo:${d.toString()}`));
        void req;
      });
    });
    const reply = await upgradeRequest(port, '/mqtt?client=1', 'hello');
    expect(reply).toMatch(/^HTTP\/1.1 101 /);
    expect(reply).toContain('X-Path: /mqtt');
    expect(reply).toContain('echo:hello');
  });

  it('matches the path exactly (trailing slash ignored) and 404s others', async () => {
    const { port } = await listen((app) => {
      app.upgrade('/sync', (_req, socket) => void socket.end('HTTP/1.1 101 Switching Protocols\r\n\r\n'));
    });
    expect(await upgradeRequest(port, '/sync/')).toMatch(/^HTTP\/1.1 101 /);
    expect(await upgradeRequest(port, '/sync/room')).toMatch(/^HTTP\/1.1 404 /);
    expect(await upgradeRequest(port, '/mqtt')).toMatch(/^HTTP\/1.1 404 /);
  });

  it('refuses duplicate upgrade paths', () => {
    const app = createApp({ logger: silentLogger });
    app.upgrade('/mqtt', () => {});
    expect(() => app.upgrade('/mqtt/', () => {})).toThrow(/already registered/);
    expect(app.upgrades()).toEqual(['/mqtt']);
  });

  it('close() runs the hooks, then destroys upgraded sockets', async () => {
    const order: string[] = [];
    const { app, port } = await listen((a) => {
      a.upgrade('/sync', (_req, socket) => void socket.write('HTTP/1.1 101 Switching Protocols\r\n\r\n'));
      a.onClose(() => void order.push('hook1'));
      a.onClose(async () => void order.push('hook2'));
    });
    const closed = new Promise<string>((resolve) => {
      const sock = connect(port, '127.0.0.1', () => sock.write('GET /sync HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n'));
      let data = '';
      sock.on('data', (d: Buffer) => {
        data += d.toString();
        if (data.includes('101')) void app.close(200);
      });
      sock.on('close', () => resolve(data));
    });
    expect(await closed).toContain('101');
    await app.close();
    expect(order).toEqual(['hook1', 'hook2']);
    current = null;
  });
});
