import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../tools/server/logger.ts';
import { startServer, type RunningServer } from '../../../tools/server/start.ts';
import { injectBase, isFallbackCandidate } from '../../../tools/server/static/fallback.ts';
import { raw, tempTree } from './helpers.ts';

const INDEX = '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="./assets/index-abc.js"></script></head><body>APP</body></html>';

// <tmp>/secret.txt sits next to <tmp>/dist: traversal must never reach it.
const tree = tempTree({
  'secret.txt': 'TOP-SECRET',
  'dist/index.html': INDEX,
  'dist/.build-stamp.json': '{}',
  'dist/assets/index-abc.js': 'console.log(1)',
  'dist/tiles/demo/tileset.json': '{"asset":{"version":"1.1"}}',
  'dist/tiles/demo/0.glb': Buffer.from('glTF\x02\x00\x00\x00'),
  'dist/tiles/demo/0.0.0.subtree': Buffer.from([1, 2, 3]),
  'dist/decoders/draco/draco_decoder.wasm': Buffer.from([0, 0x61, 0x73, 0x6d]),
  'dist/scenes/demo.json': '{"name":"demo"}',
  'dist/docs/index.html': '<html><head></head><body>DOCS</body></html>',
  'dist/file with space.json': '{"ok":true}',
  'data/README.md': '# data',
  'data/sets/a.geojson': '{"type":"FeatureCollection","features":[]}',
});
const root = `${tree.dir}/dist`;
const dataDir = `${tree.dir}/data`;

describe('static server (dist + /data mount)', () => {
  let s: RunningServer;
  beforeAll(async () => {
    s = await startServer({ port: 0, root, dataDir, logger: silentLogger });
  });
  afterAll(async () => {
    await s.close();
  });

  it('serves index.html at / with no-cache', async () => {
    const r = await raw(s.url, '/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.text).toBe(INDEX);
  });

  it.each([
    ['/assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['/tiles/demo/tileset.json', 'application/json; charset=utf-8'],
    ['/tiles/demo/0.glb', 'model/gltf-binary'],
    ['/tiles/demo/0.0.0.subtree', 'application/octet-stream'],
    ['/decoders/draco/draco_decoder.wasm', 'application/wasm'],
    ['/scenes/demo.json', 'application/json; charset=utf-8'],
    ['/file%20with%20space.json', 'application/json; charset=utf-8'],
  ])('serves %s as %s', async (path, type) => {
    const r = await raw(s.url, path);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(type);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
  });

  it('caches hashed assets as immutable', async () => {
    expect((await raw(s.url, '/assets/index-abc.js')).headers['cache-control']).toContain('immutable');
    expect((await raw(s.url, '/tiles/demo/0.glb')).headers['cache-control']).toBe('no-cache');
  });

  it('answers HEAD without a body, and 304 for a matching ETag', async () => {
    const head = await raw(s.url, '/tiles/demo/tileset.json', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const etag = String(head.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    const again = await raw(s.url, '/tiles/demo/tileset.json', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const r = await raw(s.url, '/index.html', { method: 'POST' });
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('GET, HEAD');
  });

  describe('missing files', () => {
    it.each(['/tiles/nope.glb', '/tiles/demo/1.glb', '/tiles/demo/missing.json', '/nope.js', '/missing.png', '/scenes/nope.json'])(
      '%s → 404 plain text, never HTML',
      async (path) => {
        const r = await raw(s.url, path);
        expect(r.status).toBe(404);
        expect(r.headers['content-type']).toMatch(/^text\/plain/);
        expect(r.text).not.toContain('APP');
      },
    );

    it.each(['/tiles/demo/nosuchdir', '/assets/chunk', '/decoders/draco/nothing', '/data/nowhere', '/tiles', '/tiles/demo'])(
      '%s (extension-less, under a file-only prefix) → 404',
      async (path) => {
        const r = await raw(s.url, path);
        expect(r.status).toBe(404);
        expect(r.text).not.toContain('APP');
      },
    );
  });

  describe('SPA fallback', () => {
    it.each(['/viewer', '/scene/demo', '/a/b/c/'])('%s (extension-less) → index.html with <base href="/">', async (path) => {
      const r = await raw(s.url, `${path}?q=1`);
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.text).toContain('APP');
      expect(r.text).toContain('<head><base href="/">');
    });

    it('does not apply to paths with an extension', async () => {
      expect((await raw(s.url, '/viewer.html')).status).toBe(404);
      expect((await raw(s.url, '/scene/demo.v2')).status).toBe(404);
    });
  });

  it('serves a folder index.html, redirecting to the trailing slash first', async () => {
    const r = await raw(s.url, '/docs?x=1');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/docs/?x=1');
    const r2 = await raw(s.url, '/docs/');
    expect(r2.status).toBe(200);
    expect(r2.text).toContain('DOCS');
  });

  describe('directory traversal', () => {
    it.each([
      '/../secret.txt',
      '/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/..%2Fsecret.txt',
      '/tiles/..%2f..%2fsecret.txt',
      '/tiles/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/%5c..%5csecret.txt',
      '/tiles/demo/..%00/secret.txt',
      '/data/..%2fsecret.txt',
      '/data/%2e%2e/secret.txt',
      '/data/%2e%2e/dist/index.html',
      '//secret.txt',
      '/%2fetc%2fpasswd',
    ])('%s is refused', async (path) => {
      const r = await raw(s.url, path);
      expect(r.status).not.toBe(200);
      expect(r.text).not.toContain('TOP-SECRET');
      expect(r.text).not.toContain('root:');
    });

    it('refuses hidden files (e.g. the build stamp)', async () => {
      expect((await raw(s.url, '/.build-stamp.json')).status).toBe(404);
      expect((await raw(s.url, '/%2ebuild-stamp.json')).status).toBe(404);
    });

    it('answers 400 for broken percent-encoding', async () => {
      expect((await raw(s.url, '/tiles/%E0%A4%A.glb')).status).toBe(400);
    });
  });

  describe('/data mount', () => {
    it('serves the data folder read-only', async () => {
      const r = await raw(s.url, '/data/sets/a.geojson');
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toBe('application/geo+json; charset=utf-8');
      expect(r.headers['access-control-allow-origin']).toBe('*');
      expect((await raw(s.url, '/data/README.md')).text).toBe('# data');
      expect((await raw(s.url, '/data/sets/a.geojson', { method: 'PUT' })).status).toBe(405);
    });

    it('404s missing data files and folders (no fallback)', async () => {
      expect((await raw(s.url, '/data/nope.json')).status).toBe(404);
      expect((await raw(s.url, '/data/sets')).status).toBe(404);
      expect((await raw(s.url, '/data/')).status).toBe(404);
    });
  });

  it('answers /healthz with JSON', async () => {
    const r = await raw(s.url, '/healthz');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toMatchObject({ ok: true });
  });
});

describe('static server without a data folder', () => {
  let s: RunningServer;
  beforeAll(async () => {
    s = await startServer({ port: 0, root, dataDir: null, logger: silentLogger });
  });
  afterAll(async () => {
    await s.close();
    tree.cleanup();
  });

  it('404s /data/… instead of falling back to the app', async () => {
    for (const path of ['/data/README.md', '/data/sets/a.geojson', '/data/sets', '/data']) {
      const r = await raw(s.url, path);
      expect(r.status, path).toBe(404);
      expect(r.text).not.toContain('APP');
    }
  });

  it('still serves the app', async () => {
    expect((await raw(s.url, '/')).status).toBe(200);
  });

  it('rejects a data folder that does not exist', async () => {
    await expect(startServer({ port: 0, root, dataDir: `${tree.dir}/nope`, logger: silentLogger })).rejects.toThrow(/does not exist/);
  });
});

describe('static helpers', () => {
  it('isFallbackCandidate: extension-less and outside the excluded prefixes', () => {
    const no = ['/tiles', '/data'];
    expect(isFallbackCandidate('/', no)).toBe(true);
    expect(isFallbackCandidate('/viewer', no)).toBe(true);
    expect(isFallbackCandidate('/a/b/', no)).toBe(true);
    expect(isFallbackCandidate('/tilesets', no)).toBe(true);
    expect(isFallbackCandidate('/tiles', no)).toBe(false);
    expect(isFallbackCandidate('/tiles/x', no)).toBe(false);
    expect(isFallbackCandidate('/data/x', no)).toBe(false);
    expect(isFallbackCandidate('/x.glb', no)).toBe(false);
    expect(isFallbackCandidate('/x%2Eglb', no)).toBe(false);
  });

  it('injectBase inserts once, after <head>', () => {
    expect(injectBase('<html><head lang="x"><title>t</title></head></html>', '/')).toBe('<html><head lang="x"><base href="/"><title>t</title></head></html>');
    const withBase = '<html><head><base href="/app/"></head></html>';
    expect(injectBase(withBase, '/')).toBe(withBase);
  });
});
