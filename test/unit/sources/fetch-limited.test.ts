/**
 * Bounded reads: bodies the app reads whole (scenes, plans) stop at a byte limit with an error
 * that names it, without reading on; a sample for format detection reads only its first bytes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchBytes, fetchJson, fetchSample, fetchText } from '../../../src/sources/fetch-limited';
import { streamedResponse } from './streamed-response';

/** `streamedResponse` of `total` bytes of `fill`. */
function streamed(total: number, fill = 0x20, headers: Record<string, string> = {}) {
  return streamedResponse({ total, fill, headers });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetch-limited', () => {
  describe('fetchBytes', () => {
    it('should read a body within the limit whole', async () => {
      const { response } = streamed(200_000);
      vi.stubGlobal('fetch', vi.fn(async () => response));
      const bytes = await fetchBytes('https://x.example/plan.json', { maxBytes: 200_000, what: 'plan' });
      expect(bytes.byteLength).toBe(200_000);
    });

    it('should stop reading past the limit and name it', async () => {
      const { response, pulled } = streamed(50_000_000);
      vi.stubGlobal('fetch', vi.fn(async () => response));
      await expect(fetchBytes('https://x.example/plan.json', { maxBytes: 1_000_000, what: 'plan' })).rejects.toThrow(
        'The plan at https://x.example/plan.json is larger than 1 MiB (the limit for a plan); it was not read.',
      );
      expect(pulled()).toBeLessThan(1_200_000);
    });

    it('should refuse a body whose Content-Length is over the limit without reading it', async () => {
      const { response, pulled } = streamed(3_000_000, 0x20, { 'content-length': '3000000' });
      vi.stubGlobal('fetch', vi.fn(async () => response));
      await expect(fetchBytes('https://x.example/s.json', { maxBytes: 2 * 1_048_576, what: 'scene' })).rejects.toThrow(
        'The scene at https://x.example/s.json is 2.9 MiB, larger than 2 MiB (the limit for a scene); it was not read.',
      );
      expect(pulled()).toBeLessThanOrEqual(65_536);
    });

    it('should name the URL and the reason for network and HTTP errors', async () => {
      vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
      await expect(fetchBytes('https://down.example/p.xml', { maxBytes: 10, what: 'plan' })).rejects.toThrow('Could not reach https://down.example/p.xml: Failed to fetch');
      vi.stubGlobal('fetch', vi.fn(async () => new Response('no', { status: 404, statusText: 'Not Found' })));
      await expect(fetchBytes('https://x.example/p.xml', { maxBytes: 10, what: 'plan' })).rejects.toThrow('Could not load https://x.example/p.xml: HTTP 404 Not Found');
    });
  });

  describe('fetchText / fetchJson', () => {
    it('should decode UTF-8 without a byte-order mark, and parse JSON naming the URL when it does not parse', async () => {
      vi.stubGlobal('fetch', vi.fn(async () => new Response(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Härnösand')]))));
      await expect(fetchText('https://x.example/t.txt', { maxBytes: 100, what: 'plan' })).resolves.toBe('Härnösand');
      vi.stubGlobal('fetch', vi.fn(async () => new Response('{"a":[1,2]}')));
      await expect(fetchJson('https://x.example/a.json', { maxBytes: 100, what: 'scene' })).resolves.toEqual({ a: [1, 2] });
      vi.stubGlobal('fetch', vi.fn(async () => new Response('<!doctype html>')));
      await expect(fetchJson('https://x.example/a.json', { maxBytes: 100, what: 'scene' })).rejects.toThrow(/^https:\/\/x\.example\/a\.json is not valid JSON: /);
    });
  });

  describe('fetchSample', () => {
    it('should parse a small JSON body whole', async () => {
      vi.stubGlobal('fetch', vi.fn(async () => new Response('{"asset":{"version":"1.1"},"root":{}}')));
      await expect(fetchSample('https://x.example/t')).resolves.toEqual({ asset: { version: '1.1' }, root: {} });
    });

    it('should read only the first 64 KiB of a large file and give them as text', async () => {
      const { response, pulled } = streamed(100_000_000, 0x7b);
      vi.stubGlobal('fetch', vi.fn(async () => response));
      const sample = await fetchSample('https://x.example/huge');
      expect(typeof sample).toBe('string');
      expect((sample as string).length).toBe(65_536);
      expect(pulled()).toBeLessThanOrEqual(2 * 65_536);
    });
  });
});
