import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { collapseSlashes, PARTS } from '../../../tools/server/arena.ts';
import { silentLogger } from '../../../tools/server/logger.ts';
import type { ArenaPart } from '../../../tools/server/part.ts';
import { startServer, type RunningServer } from '../../../tools/server/start.ts';
import { raw, tempTree } from './helpers.ts';

const tree = tempTree({ 'dist/index.html': '<!doctype html><html><head></head><body>APP</body></html>' });
const root = `${tree.dir}/dist`;
afterAll(() => tree.cleanup());

let current: RunningServer | null = null;
afterEach(async () => {
  await current?.close(200);
  current = null;
});

async function start(setup: NonNullable<Parameters<typeof startServer>[0]>['setup']): Promise<RunningServer> {
  current = await startServer({ port: 0, root, logger: silentLogger, setup });
  return current;
}

/** Sends a raw HTTP/1.1 upgrade request and resolves with what comes back before the socket closes. */
function upgradeRequest(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = connect(port, '127.0.0.1', () => {
      sock.write(
        `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
      );
    });
    let data = '';
    sock.setEncoding('utf8');
    sock.on('data', (c: string) => {
      data += c;
      if (data.includes('\r\n\r\n')) sock.destroy();
    });
    sock.on('close', () => resolve(data));
    sock.on('error', reject);
  });
}

function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

describe('parts', () => {
  let s: RunningServer;
  beforeAll(async () => {
    s = await startServer({ port: 0, root, logger: silentLogger });
  });
  afterAll(() => s.close());

  it('lists the parts that run in /healthz (no data part without a data folder)', async () => {
    const r = await raw(s.url, '/healthz');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(r.text)).toEqual({ ok: true, version: expect.any(String), parts: ['health', 'site-config', 'app'] });
  });

  it('keeps the app files last, so every other part is mounted before the catch-all', () => {
    expect(PARTS.at(-1)?.name).toBe('app');
    expect(new Set(PARTS.map((p: ArenaPart) => p.name)).size).toBe(PARTS.length);
  });
});

describe('errors', () => {
  it('answers 500 without the error message, and logs it', async () => {
    const s = await start((app) => {
      app.get('/boom', async () => {
        throw new Error('boom: /secret/path');
      });
    });
    const r = await raw(s.url, '/boom');
    expect(r.status).toBe(500);
    expect(r.headers['content-type']).toMatch(/^text\/plain/);
    expect(r.text).not.toContain('boom');
    expect(r.text).not.toContain('/secret/path');
  });

  it('reads runs of slashes as one, so a protocol-relative looking path stays a path of this server', async () => {
    const s = await start(() => {});
    const r = await raw(s.url, '//evil.example/x');
    expect(r.status).toBe(200);
    expect(r.headers.location).toBeUndefined();
    expect(r.text).toContain('APP');
    expect((await raw(s.url, '/healthz//?a=//b')).status).toBe(200);
  });

  it.each([
    ['/fixtures//plans/a.json', '/fixtures/plans/a.json'],
    ['//evil.example/x?next=//y', '/evil.example/x?next=//y'],
    ['///', '/'],
    ['/a/b', '/a/b'],
  ])('collapseSlashes(%s) → %s', (url, expected) => {
    expect(collapseSlashes(url)).toBe(expected);
  });
});

describe('WebSocket routes', () => {
  it('hands an upgrade on a WebSocket route to its handler', async () => {
    const s = await start((app) => {
      app.get('/echo', { websocket: true }, (socket, request) => {
        socket.on('message', (data: Buffer) => socket.send(`echo:${data.toString()}:${request.query ? 'q' : ''}`));
      });
    });
    const ws = await openSocket(`ws://127.0.0.1:${s.port}/echo?client=1`);
    const reply = new Promise<string>((resolve) => ws.once('message', (d: Buffer) => resolve(d.toString())));
    ws.send('hello');
    expect(await reply).toBe('echo:hello:q');
    ws.close();
  });

  it('answers 404 to an upgrade on a path without a WebSocket route', async () => {
    const s = await start((app) => {
      app.get('/echo', { websocket: true }, (socket) => socket.close());
    });
    expect(await upgradeRequest(s.port, '/nothing-here')).toMatch(/^HTTP\/1.1 404 /);
    expect(await upgradeRequest(s.port, '/healthz')).toMatch(/^HTTP\/1.1 404 /);
    expect(await upgradeRequest(s.port, '/echo')).toMatch(/^HTTP\/1.1 101 /);
  });
});

describe('graceful close', () => {
  it('finishes in-flight requests, then runs the close hooks, closes WebSockets and refuses new connections', async () => {
    const order: string[] = [];
    const s = await start(async (app) => {
      app.get('/slow', async () => {
        order.push('write started');
        await sleep(300);
        order.push('write done');
        return { saved: true };
      });
      app.get('/live', { websocket: true }, () => {});
      app.addHook('onClose', async () => {
        order.push('close hook');
      });
    });
    const ws = await openSocket(`ws://127.0.0.1:${s.port}/live`);
    const wsClosed = new Promise<number>((resolve) => ws.once('close', (code: number) => resolve(code)));
    const inFlight = raw(s.url, '/slow');
    await sleep(50); // the request has reached its handler
    const closed = s.close();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ saved: true });
    await closed;
    current = null;
    expect(order).toEqual(['write started', 'write done', 'close hook']);
    expect(await wsClosed).toBeGreaterThan(0);
    const refused = await new Promise<string>((resolve) => {
      const sock = connect(s.port, '127.0.0.1', () => resolve('connected'));
      sock.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    });
    expect(refused).toBe('ECONNREFUSED');
  });
});
