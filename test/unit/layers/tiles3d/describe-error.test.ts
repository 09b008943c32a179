import { describe, expect, it } from 'vitest';
import { describeLoadError, shortUrl } from '../../../../src/layers/tiles3d/describe-error';

describe('describe-error', () => {
  describe('shortUrl', () => {
    it('should keep the last two path segments of a URL on the page host', () => {
      expect(shortUrl('https://x.example/data/city/tiles/5/12/7.glb', 'x.example')).toBe('12/7.glb');
      expect(shortUrl('https://x.example/data/city/tileset.json', 'x.example')).toBe('city/tileset.json');
    });

    it('should prefix the host of a foreign URL', () => {
      expect(shortUrl('https://cdn.example:8443/data/city/tileset.json', 'x.example')).toBe('cdn.example:8443/city/tileset.json');
      // in Node there is no page: every absolute URL is foreign
      expect(shortUrl('https://x.example/data/city/tileset.json')).toBe('x.example/city/tileset.json');
    });

    it('should drop the query and fragment', () => {
      expect(shortUrl('https://x.example/a/b/tileset.json?key=secret#x', 'x.example')).toBe('b/tileset.json');
    });

    it('should work with relative URLs and a single segment, without a host', () => {
      expect(shortUrl('tiles/root.b3dm', 'x.example')).toBe('tiles/root.b3dm');
      expect(shortUrl('../a/b/c/tileset.json')).toBe('c/tileset.json');
      expect(shortUrl('tileset.json')).toBe('tileset.json');
    });

    it('should return the input when there is no path on the page host', () => {
      expect(shortUrl('https://x.example/', 'x.example')).toBe('https://x.example/');
    });
  });

  describe('describeLoadError', () => {
    it("should turn 3d-tiles-renderer's status errors into HTTP codes, marking 404 as not found", () => {
      expect(describeLoadError(new Error('TilesRenderer: Failed to load tileset "https://x.example/t/tileset.json" with status 404 : Not Found'))).toBe(
        'HTTP 404 (not found)',
      );
      expect(describeLoadError(new Error('Failed to load file "https://x.example/t/a.glb" with status 500 : Internal Server Error'))).toBe('HTTP 500');
      expect(describeLoadError(new Error('Request failed with status code 403'))).toBe('HTTP 403');
      expect(describeLoadError(new Error('error code 502'))).toBe('HTTP 502');
    });

    it('should take the status, not a number in the URL that looks like one', () => {
      const e = new Error('Failed to load file "https://x.example/tiles/10/503/404.glb" with status 500 : Internal Server Error');
      expect(describeLoadError(e)).toBe('HTTP 500');
      const f = new Error('Failed to load file "https://x.example/content/4/501/3.b3dm" with status 404 : Not Found');
      expect(describeLoadError(f)).toBe('HTTP 404 (not found)');
    });

    it('should recognise a bare status in a message', () => {
      expect(describeLoadError(new Error('404 Not Found'))).toBe('HTTP 404 (not found)');
      expect(describeLoadError('503 Service Unavailable')).toBe('HTTP 503');
    });

    it('should report JSON errors as such', () => {
      expect(describeLoadError(new SyntaxError('Unexpected token < in JSON at position 0'))).toBe('not valid JSON (Unexpected token < in JSON at position 0)');
      expect(describeLoadError(new Error('Invalid JSON in tileset'))).toBe('not valid JSON (Invalid JSON in tileset)');
    });

    it('should not read a JSON parse position as an HTTP status', () => {
      const e = new SyntaxError("Expected ',' or '}' after property value in JSON at position 404 (line 1 column 405)");
      expect(describeLoadError(e)).toBe(`not valid JSON (${e.message})`);
    });

    it('should explain glTF 1.0 content', () => {
      expect(describeLoadError(new Error('THREE.GLTFLoader: Unsupported asset. glTF versions >=2.0 are supported.'))).toBe(
        'glTF 1.0 content is not supported; convert it to glTF 2.0',
      );
      expect(describeLoadError(new Error('glTF 1.0 is not supported'))).toBe('glTF 1.0 content is not supported; convert it to glTF 2.0');
      // binary glTF 1.0 (KHR_binary_glTF), as embedded in old b3dm tiles
      expect(describeLoadError(new Error('THREE.GLTFLoader: Legacy binary file detected.'))).toBe('glTF 1.0 content is not supported; convert it to glTF 2.0');
    });

    it('should report network failures as an unreachable server', () => {
      expect(describeLoadError(new TypeError('Failed to fetch'))).toBe('server unreachable (Failed to fetch)');
      expect(describeLoadError(new TypeError('NetworkError when attempting to fetch resource.'))).toBe(
        'server unreachable (NetworkError when attempting to fetch resource.)',
      );
      expect(describeLoadError(new Error('net::ERR_CONNECTION_REFUSED'))).toBe('server unreachable (net::ERR_CONNECTION_REFUSED)');
    });

    it('should report truncated or corrupt content', () => {
      expect(describeLoadError(new RangeError('Invalid typed array length: 4096'))).toBe('content is truncated or corrupt (Invalid typed array length: 4096)');
      expect(describeLoadError(new Error('GLTFLoader: Invalid glTF binary magic'))).toMatch(/^content is truncated or corrupt/);
      // a header whose lengths do not fit the tile, even when the length is that of a JSON part
      const lying = 'b3dm header says its batch table JSON has 1500000000 bytes, but the tile has only 44 bytes after its 20-byte header';
      expect(describeLoadError(new RangeError(lying))).toBe(`content is truncated or corrupt (${lying})`);
    });

    it('should pass other messages through, and stringify non-errors', () => {
      expect(describeLoadError(new Error('B3DMLoader: Unsupported version 2'))).toBe('B3DMLoader: Unsupported version 2');
      expect(describeLoadError('aborted')).toBe('aborted');
      expect(describeLoadError(42)).toBe('42');
      expect(describeLoadError(undefined)).toBe('undefined');
    });
  });
});
