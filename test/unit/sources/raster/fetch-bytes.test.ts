/** Bounded downloads against a real HTTP server on loopback: answers, errors, silence, endless bodies. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchBytes, fetchText, FetchFailure } from '../../../../src/sources/raster/fetch-bytes';

let server: Server;
let base = '';
const LIMITS = { timeoutMs: 2000, maxBytes: 1024 * 1024 };

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/ok':
        res.writeHead(200, { 'content-type': 'Image/PNG; charset=binary' });
        res.end(Buffer.from([1, 2, 3]));
        return;
      case '/missing':
        res.writeHead(404, 'Not Found');
        res.end('no');
        return;
      case '/silent':
        // headers, then nothing: the body never comes
        res.writeHead(200, { 'content-type': 'image/png' });
        res.flushHeaders();
        return;
      case '/never':
        return; // no answer at all
      case '/declared-huge':
        res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
        res.write(Buffer.alloc(1024));
        return;
      case '/endless': {
        res.writeHead(200);
        const chunk = Buffer.alloc(16 * 1024, 7);
        const timer = setInterval(() => res.write(chunk), 1);
        res.on('close', () => clearInterval(timer));
        return;
      }
      default:
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('hej');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

async function failure(url: string, limits = LIMITS): Promise<FetchFailure> {
  const e = await fetchBytes(url, limits).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(FetchFailure);
  return e as FetchFailure;
}

describe('fetchBytes', () => {
  it('should return the body and a bare, lower-case content type', async () => {
    const r = await fetchBytes(`${base}/ok`, LIMITS);
    expect([...r.bytes]).toEqual([1, 2, 3]);
    expect(r.contentType).toBe('image/png');
    expect(await fetchText(`${base}/text`, LIMITS)).toBe('hej');
  });

  it('should name the HTTP status of an error answer', async () => {
    const e = await failure(`${base}/missing`);
    expect(e.message).toBe('HTTP 404 Not Found');
    expect(e.status).toBe(404);
  });

  it('should give up on a server that does not answer, or whose body never comes', async () => {
    expect((await failure(`${base}/never`, { ...LIMITS, timeoutMs: 300 })).message).toBe('no answer within 0.3 s');
    expect((await failure(`${base}/silent`, { ...LIMITS, timeoutMs: 1000 })).message).toBe('the answer did not arrive within 1 s');
  });

  it('should refuse bodies over the limit, declared or not', async () => {
    expect((await failure(`${base}/declared-huge`)).message).toBe('the answer is 10 MiB, more than the 1 MiB allowed');
    expect((await failure(`${base}/endless`)).message).toBe('the answer is longer than the 1 MiB allowed');
  });

  it('should say when the server cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect((await failure(`http://127.0.0.1:${port}/x`)).message).toMatch(/^the server could not be reached \(/);
  });

  it('should reject with an AbortError when cancelled', async () => {
    const controller = new AbortController();
    const pending = fetchBytes(`${base}/never`, { ...LIMITS, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
