import { describe, expect, it } from 'vitest';
import { cacheControl, DEFAULT_MIME, mimeType } from '../../../tools/server/static/mime.ts';

describe('mimeType', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a/b/app.js', 'text/javascript; charset=utf-8'],
    ['worker.mjs', 'text/javascript; charset=utf-8'],
    ['style.css', 'text/css; charset=utf-8'],
    ['scenes/demo.json', 'application/json; charset=utf-8'],
    ['tiles/x/tileset.json', 'application/json; charset=utf-8'],
    ['model.glb', 'model/gltf-binary'],
    ['model.gltf', 'model/gltf+json'],
    ['t.b3dm', 'application/octet-stream'],
    ['t.i3dm', 'application/octet-stream'],
    ['t.pnts', 'application/octet-stream'],
    ['t.cmpt', 'application/octet-stream'],
    ['0.0.0.subtree', 'application/octet-stream'],
    ['draco_decoder.wasm', 'application/wasm'],
    ['tex.ktx2', 'image/ktx2'],
    ['a.png', 'image/png'],
    ['a.jpg', 'image/jpeg'],
    ['a.jpeg', 'image/jpeg'],
    ['icon.svg', 'image/svg+xml; charset=utf-8'],
    ['buffer.bin', 'application/octet-stream'],
    ['roads.geojson', 'application/geo+json; charset=utf-8'],
  ])('%s → %s', (file, type) => {
    expect(mimeType(file)).toBe(type);
  });

  it('ignores the case of the extension', () => {
    expect(mimeType('PHOTO.JPG')).toBe('image/jpeg');
    expect(mimeType('Model.GLB')).toBe('model/gltf-binary');
  });

  it('falls back to octet-stream', () => {
    expect(mimeType('README')).toBe(DEFAULT_MIME);
    expect(mimeType('x.unknownext')).toBe(DEFAULT_MIME);
  });
});

describe('cacheControl', () => {
  it('caches hashed assets for a year and revalidates the rest', () => {
    expect(cacheControl('/assets/index-abc123.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControl('/')).toBe('no-cache');
    expect(cacheControl('/index.html')).toBe('no-cache');
    expect(cacheControl('/tiles/a/tileset.json')).toBe('no-cache');
    expect(cacheControl('/decoders/draco/draco_decoder.wasm')).toBe('no-cache');
  });
});
