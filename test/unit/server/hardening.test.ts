/**
 * Issue 17, item 12: the public server. Written against startServer's options alone (no server
 * internals), so the same file shows what the server before this work did not do.
 */

import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../tools/server/start.ts';
import { raw, tempTree, type RawResponse } from './helpers.ts';

const INDEX = '<!doctype html><html><head></head><body>APP</body></html>';
const tree = tempTree({
  'secret.txt': 'TOP-SECRET',
  'outside/private.json': '{"private":true}',
  'dist/index.html': INDEX,
  'dist/assets/app.js': 'console.log(1)',
  'dist/evil.example/index.html': '<html><head></head><body>NESTED</body></html>',
  'data/sets/a.geojson': '{"type":"FeatureCollection","features":[]}',
  'data/page.html': '<script>alert(document.domain)</script>',
  'data/PAGE.HTM': '<script>alert(1)</script>',
  'data/icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  'data/feed.xml': '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>',
  'data/texture.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
});
const root = join(tree.dir, 'dist');
const dataDir = join(tree.dir, 'data');
// Links inside the data folder: two lead out of it, one stays in.
symlinkSync(join(tree.dir, 'secret.txt'), join(dataDir, 'secret-link.txt'));
symlinkSync(join(tree.dir, 'outside'), join(dataDir, 'outside-dir'));
symlinkSync(join(dataDir, 'sets', 'a.geojson'), join(dataDir, 'inside-link.geojson'));
mkdirSync(join(dataDir, 'empty'));

const quiet = { info() {}, warn() {}, error() {} };
const warnings: string[] = [];

let s: RunningServer;
beforeAll(async () => {
  s = await startServer({ port: 0, root, dataDir, logger: { ...quiet, warn: (m: string) => void warnings.push(m) } });
});
afterAll(async () => {
  await s.close();
  tree.cleanup();
});

function csp(r: RawResponse): string {
  return String(r.headers['content-security-policy'] ?? '');
}

/** `name value…` of one directive, or '' when absent. */
function directive(policy: string, name: string): string {
  return policy.split(';').map((d) => d.trim()).find((d) => d === name || d.startsWith(`${name} `)) ?? '';
}

describe('security headers on every response', () => {
  it.each([
    ['the app', '/', {}, 200],
    ['a hashed asset', '/assets/app.js', {}, 200],
    ['a deep app route (fallback)', '/viewer/x', {}, 200],
    ['a missing file', '/tiles/nope.glb', {}, 404],
    ['a missing data file', '/data/nope.json', {}, 404],
    ['a wrong method', '/index.html', { method: 'POST' }, 405],
    ['a traversal attempt', '/..%2f..%2fsecret.txt', {}, null],
    ['broken percent-encoding', '/tiles/%E0%A4%A.glb', {}, 400],
    ['a folder redirect', '/evil.example', {}, 301],
  ] as const)('%s (%s)', async (_what, path, init, status) => {
    const r = await raw(s.url, path, init);
    if (status !== null) expect(r.status).toBe(status);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    const policy = csp(r);
    expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'self'");
    expect(directive(policy, 'default-src')).toBe("default-src 'self'");
    expect(directive(policy, 'object-src')).toBe("object-src 'none'");
  });

  it("is the app's policy: own scripts, WebAssembly and the Basis transcoder's eval, blob: workers, no inline script", async () => {
    const policy = csp(await raw(s.url, '/'));
    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'");
    expect(directive(policy, 'worker-src')).toBe("worker-src 'self' blob:");
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self' data: blob:");
    expect(directive(policy, 'base-uri')).toBe("base-uri 'self'");
    expect(policy).not.toContain("'unsafe-inline'");
  });
});

describe('the data folder is never active content on the app origin', () => {
  it.each(['/data/page.html', '/data/PAGE.HTM', '/data/icon.svg', '/data/feed.xml'])('%s is a sandboxed download', async (path) => {
    const r = await raw(s.url, path);
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toMatch(/^attachment/);
    expect(directive(csp(r), 'sandbox')).toBe('sandbox');
    expect(directive(csp(r), 'default-src')).toBe("default-src 'none'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('keeps data files usable by the app (no download, CORS) and still sandboxed if opened', async () => {
    for (const path of ['/data/sets/a.geojson', '/data/texture.png']) {
      const r = await raw(s.url, path);
      expect(r.status, path).toBe(200);
      expect(r.headers['content-disposition'], path).toBeUndefined();
      expect(r.headers['access-control-allow-origin'], path).toBe('*');
      expect(directive(csp(r), 'sandbox'), path).toBe('sandbox');
    }
  });
});

describe('symlinks inside the data folder', () => {
  it.each(['/data/secret-link.txt', '/data/outside-dir/private.json'])('%s (leads out of it) is a 404', async (path) => {
    const r = await raw(s.url, path);
    expect(r.status).toBe(404);
    expect(r.text).not.toContain('TOP-SECRET');
    expect(r.text).not.toContain('private');
  });

  it('one that stays inside is served', async () => {
    const r = await raw(s.url, '/data/inside-link.geojson');
    expect(r.status).toBe(200);
    expect(r.text).toContain('FeatureCollection');
  });
});

describe('redirects', () => {
  it('still send a folder to its trailing slash, on this server', async () => {
    const r = await raw(s.url, '/evil.example?x=1');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/evil.example/?x=1');
  });

  it.each(['//evil.example', '///evil.example', '//evil.example?x=1', '/%2fevil.example', '/%5cevil.example', '/\\evil.example'])(
    '%s never becomes a Location on another host',
    async (path) => {
      const r = await raw(s.url, path);
      const location = r.headers.location;
      if (location !== undefined) expect(location).toMatch(/^\/(?![/\\])/);
      expect(r.text).not.toContain('NESTED');
    },
  );
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past the limit, with the security headers', async () => {
    const limited = await startServer({ port: 0, root, logger: quiet, rateLimit: { perMinute: 5 } });
    try {
      const statuses: number[] = [];
      let last: RawResponse | null = null;
      for (let i = 0; i < 7; i++) {
        last = await raw(limited.url, '/assets/app.js');
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
      expect(last!.headers['x-content-type-options']).toBe('nosniff');
      expect(directive(csp(last!), 'frame-ancestors')).toBe("frame-ancestors 'self'");
    } finally {
      await limited.close();
    }
  });

  it('is generous by default: a burst of tile requests passes', async () => {
    const results = await Promise.all(Array.from({ length: 300 }, () => raw(s.url, '/assets/app.js')));
    expect(results.filter((r) => r.status !== 200)).toEqual([]);
  });
});

describe('violation reports', () => {
  it('logs a report sent to the policy report-uri, as one clean line', async () => {
    const policy = csp(await raw(s.url, '/'));
    const reportUri = directive(policy, 'report-uri').split(' ')[1]!;
    expect(reportUri).toBe('/csp-report');
    const report = JSON.stringify({
      'csp-report': {
        'document-uri': 'http://twin.example/',
        'effective-directive': 'worker-src',
        'blocked-uri': 'blob:\nFAKE LOG LINE',
        'source-file': 'http://twin.example/assets/x.js',
        'line-number': 12,
      },
    });
    const { status } = await raw(s.url, reportUri, { method: 'POST', headers: { 'content-type': 'application/csp-report' }, body: report });
    expect(status).toBe(204);
    const line = warnings.find((w) => w.startsWith('[csp]'));
    expect(line).toBe('[csp] worker-src blocked blob: FAKE LOG LINE on http://twin.example/ (http://twin.example/assets/x.js:12)');
  });
});
