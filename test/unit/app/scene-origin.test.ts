import { describe, expect, it, vi } from 'vitest';
import { allowedOriginsOf, checkSceneSource, judgeSceneSource } from '../../../src/app/scene-origin';
import { foreignOrigin } from '../../../src/state/scene-source-store';

const PAGE = 'https://twin.harnosand.se/';
const ALLOWED = ['https://plans.example.org'];

describe('judgeSceneSource', () => {
  it.each(['./scenes/demo.json', '/scenes/x.json', 'scenes/a/b.json', 'https://twin.harnosand.se/data/s.json'])('%s is the site own', (url) => {
    expect(judgeSceneSource(url, PAGE, ALLOWED)).toEqual({ kind: 'own' });
  });

  it('allows a listed origin and names it', () => {
    expect(judgeSceneSource('https://plans.example.org/dp/42/scene.json', PAGE, ALLOWED)).toEqual({ kind: 'allowed', origin: 'https://plans.example.org' });
  });

  it.each([
    ['https://evil.example/fake.json', 'https://evil.example'],
    ['//evil.example/fake.json', 'https://evil.example'],
    ['http://plans.example.org/scene.json', 'http://plans.example.org'], // another scheme is another origin
    ['https://plans.example.org:8443/scene.json', 'https://plans.example.org:8443'],
    ['https://twin.harnosand.se.evil.example/s.json', 'https://twin.harnosand.se.evil.example'],
    ['data:application/json,{"version":1}', 'data:'],
    ['javascript:alert(1)', 'javascript:'],
  ])('refuses %s (%s)', (url, origin) => {
    expect(judgeSceneSource(url, PAGE, ALLOWED)).toEqual({ kind: 'refused', origin });
  });

  it('never allows a non-http origin, even if listed', () => {
    expect(judgeSceneSource('data:application/json,{}', PAGE, ['data:'])).toMatchObject({ kind: 'refused' });
  });
});

describe('allowedOriginsOf', () => {
  it('reads the list as origins and ignores anything else', () => {
    expect(allowedOriginsOf({ allowedOrigins: ['https://A.example.org/', 'ftp://x.example', 'not a url', 7, 'http://b.example:8080'] })).toEqual([
      'https://a.example.org',
      'http://b.example:8080',
    ]);
  });

  it.each([null, 'x', {}, { allowedOrigins: 'https://a.example' }])('allows nothing for %j', (body) => {
    expect(allowedOriginsOf(body)).toEqual([]);
  });
});

describe('checkSceneSource', () => {
  it('does not fetch the site config for its own scenes', async () => {
    const fetchImpl = vi.fn<typeof fetch>();
    expect(await checkSceneSource('./scenes/demo.json', PAGE, fetchImpl)).toEqual({ kind: 'own' });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('asks config.json beside the page for another origin', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => Response.json({ allowedOrigins: ALLOWED }));
    expect(await checkSceneSource('https://plans.example.org/s.json', 'https://twin.harnosand.se/app/?x=1', fetchImpl)).toEqual({
      kind: 'allowed',
      origin: 'https://plans.example.org',
    });
    expect(String(fetchImpl.mock.calls[0]![0])).toBe('https://twin.harnosand.se/app/config.json');
  });

  it.each([
    ['a 404', async () => new Response('Not found', { status: 404 })],
    ['a network error', async () => Promise.reject(new TypeError('Failed to fetch'))],
    ['a body that is not JSON', async () => new Response('<html>')],
  ])('refuses other origins when config.json gives %s', async (_what, impl) => {
    expect(await checkSceneSource('https://plans.example.org/s.json', PAGE, vi.fn<typeof fetch>(impl))).toMatchObject({ kind: 'refused' });
  });
});

describe('foreignOrigin', () => {
  it('is null for the page origin and names any other', () => {
    expect(foreignOrigin('https://twin.harnosand.se/scenes/a.json', PAGE)).toBeNull();
    expect(foreignOrigin('scenes/a.json', PAGE)).toBeNull();
    expect(foreignOrigin('https://plans.example.org/a.json', PAGE)).toBe('https://plans.example.org');
    expect(foreignOrigin('blob:https://twin.harnosand.se/uuid', PAGE)).toBeNull();
  });
});
