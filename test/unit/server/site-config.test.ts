import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../tools/server/logger.ts';
import { normaliseOrigin, parseOriginList } from '../../../tools/server/security/origins.ts';
import { REPO_ROOT } from '../../../tools/server/staleness.ts';
import { startServer, type RunningServer } from '../../../tools/server/start.ts';
import { raw, tempTree } from './helpers.ts';

const tree = tempTree({ 'dist/index.html': '<html><head></head><body>APP</body></html>', 'dist/config.json': '{"allowedOrigins":[]}' });
const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  tree.cleanup();
});

async function start(allowedOrigins?: string[]): Promise<RunningServer> {
  const s = await startServer({ port: 0, root: join(tree.dir, 'dist'), logger: silentLogger, ...(allowedOrigins ? { allowedOrigins } : {}) });
  servers.push(s);
  return s;
}

describe('/config.json (the origins ?scene= may load from)', () => {
  it('lists the operator allowed origins, normalised, instead of the build file', async () => {
    const s = await start(['https://Plans.Example.org/', 'http://tiles.example:8080']);
    const r = await raw(s.url, '/config.json');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(JSON.parse(r.text)).toEqual({ allowedOrigins: ['https://plans.example.org', 'http://tiles.example:8080'] });
  });

  it('allows none by default, like the static build', async () => {
    const s = await start();
    expect(JSON.parse((await raw(s.url, '/config.json')).text)).toEqual({ allowedOrigins: [] });
    const shipped = JSON.parse(readFileSync(join(REPO_ROOT, 'public', 'config.json'), 'utf8')) as { allowedOrigins: unknown };
    expect(shipped.allowedOrigins).toEqual([]);
  });

  it('lets the browser connect to the allowed origins and no others (CSP connect-src)', async () => {
    const s = await start(['https://plans.example.org']);
    const policy = String((await raw(s.url, '/')).headers['content-security-policy']);
    expect(policy).toContain("connect-src 'self' data: blob: https://plans.example.org;");
    const closed = await start();
    expect(String((await raw(closed.url, '/')).headers['content-security-policy'])).toContain("connect-src 'self' data: blob:;");
  });
});

describe('origin lists', () => {
  it('parses the environment variable form', () => {
    expect(parseOriginList('https://a.example, http://b.example:81  https://a.example/')).toEqual(['https://a.example', 'http://b.example:81']);
    expect(parseOriginList(undefined)).toEqual([]);
    expect(parseOriginList('')).toEqual([]);
  });

  it.each(['plans.example.org', 'ftp://x.example', 'https://x.example/path', 'https://user:pw@x.example', "https://x.example/?'unsafe-eval'"])(
    'refuses %s with a clear message',
    (text) => {
      expect(() => normaliseOrigin(text)).toThrow(/origin/);
    },
  );
});
