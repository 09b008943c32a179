import { describe, expect, it } from 'vitest';
import { boundsProblem, detectLayerKind, rasterService, validateLayer } from '../../../src/spec';

const raster = (over: Record<string, unknown>) => ({ id: 'map', type: 'raster', name: 'Map', ...over });

function messages(input: unknown): string[] {
  const r = validateLayer(input);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('raster layer spec', () => {
  it('should accept a TMS pyramid with bounds, zooms and a time, filling defaults', () => {
    const r = validateLayer(raster({ url: 'tiles/{z}/{x}/{y}.png', scheme: 'tms', bounds: [23.5556, 46.7539, 23.6264, 46.8003], minZoom: 13, maxZoom: 16, time: '1869' }));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject({ scheme: 'tms', minZoom: 13, maxZoom: 16, tileSize: 256, opacity: 1, visible: true, time: '1869', format: 'image/png', transparent: true, version: '1.3.0' });
  });

  it('should accept WMS in SWEREF 99 TM, WMTS and a georeferenced image', () => {
    expect(messages(raster({ service: 'wms', url: 'https://example.org/geoserver/wms', layers: 'topowebb', crs: 'EPSG:3006', time: '1900' }))).toEqual([]);
    expect(messages(raster({ service: 'wmts', url: 'https://example.org/wmts?request=GetCapabilities', layer: 'ortofoto', tileMatrixSet: '3006' }))).toEqual([]);
    expect(messages(raster({ url: 'maps/old.png', crs: 'EPSG:3014' }))).toEqual([]);
    expect(messages(raster({ url: 'maps/old.jpg', corners: { topLeft: [17.9, 62.64], topRight: [17.95, 62.64], bottomRight: [17.95, 62.62], bottomLeft: [17.9, 62.62] } }))).toEqual([]);
  });

  it('should infer the service from the URL, or ask for it', () => {
    expect(rasterService({ url: 'a/{z}/{x}/{y}.png' })).toBe('tiles');
    expect(rasterService({ url: 'map.JPG?v=2' })).toBe('image');
    expect(rasterService({ url: 'https://x/wms' })).toBeNull();
    expect(rasterService({ service: 'wms', url: 'a/{z}/{x}/{y}.png' })).toBe('wms');
    expect(messages(raster({ url: 'https://example.org/wms' }))).toEqual([
      'service: expected a service: tiles, wms, wmts or image (the URL has no {z}/{x}/{y} and is not a .png or .jpg), but it is missing',
    ]);
  });

  it('should ask for what each service needs, and refuse options of other services', () => {
    expect(messages(raster({ service: 'wms', url: 'https://x/wms' }))).toEqual(['layers: expected the WMS layer names to draw, but it is missing']);
    expect(messages(raster({ service: 'wmts', url: 'https://x/wmts' }))).toEqual([
      'layer: expected the WMTS layer identifier, but it is missing',
      'tileMatrixSet: expected the WMTS tile matrix set identifier, but it is missing',
    ]);
    expect(messages(raster({ url: 'old.png' }))).toEqual(['crs: expected the CRS of the world file, e.g. "EPSG:3014" (or give the image’s corners), but it is missing']);
    expect(messages(raster({ service: 'tiles', url: 'tiles/{z}/{x}.png' }))).toEqual(['url: expected a tile URL template with {z}, {x} and {y}, got "tiles/{z}/{x}.png"']);
    expect(messages(raster({ url: 't/{z}/{x}/{y}.png', layers: 'a' }))).toEqual(['layers: is for service wms only (this layer is tiles)']);
    expect(messages(raster({ url: 't/{z}/{x}/{y}.png', minZoom: 12, maxZoom: 10 }))).toEqual(['minZoom: expected minZoom ≤ maxZoom (10), got 12']);
  });

  it('should refuse CRSs the registry does not know', () => {
    expect(messages(raster({ service: 'wms', url: 'https://x/wms', layers: 'a', crs: 'EPSG:2154' }))).toEqual([
      'crs: expected a CRS code of the registry, e.g. "EPSG:3006", "EPSG:3014", "EPSG:3857" or "EPSG:4326", got "EPSG:2154"',
    ]);
  });

  describe('bounds', () => {
    it('should name latitude-first bounds when the values show it', () => {
      expect(boundsProblem([62.62, 17.9, 62.64, 17.95])).toBeNull(); // lon 62, lat 17: a valid place (the Arabian Sea), not detectable here
      expect(boundsProblem([46.75, 123.55, 46.8, 123.63])).toBe(
        'expected [west, south, east, north] in degrees; these look like [south, west, north, east] (latitude first): try [123.55, 46.75, 123.63, 46.8]',
      );
      expect(messages(raster({ url: 't/{z}/{x}/{y}.png', bounds: [46.75, 123.55, 46.8, 123.63] }))[0]).toMatch(/^bounds: expected \[west, south, east, north\].*latitude first/);
    });

    it('should refuse empty and out-of-range boxes', () => {
      expect(boundsProblem([18, 62, 17, 63])).toBe('expected west < east');
      expect(boundsProblem([17, 63, 18, 62])).toBe('expected south < north');
      expect(boundsProblem([17, 62, 190, 63])).toBe('expected longitudes (west, east) within −180…180');
      expect(boundsProblem([17, 62, 18, 95])).toBe('expected latitudes (south, north) within −90…90');
    });
  });

  it('should be detected from a tile template, a WMS/WMTS URL, an image, or capabilities content', () => {
    expect(detectLayerKind('https://x/tiles/{z}/{x}/{y}.png')?.type).toBe('raster');
    expect(detectLayerKind('https://x/geoserver/wms?SERVICE=WMS&REQUEST=GetCapabilities')?.type).toBe('raster');
    expect(detectLayerKind('https://x/1.0.0/WMTSCapabilities.xml')?.type).toBe('raster');
    expect(detectLayerKind('maps/old.png')?.type).toBe('raster');
    expect(detectLayerKind('https://x/a', '<?xml version="1.0"?><WMS_Capabilities version="1.3.0">')?.type).toBe('raster');
    expect(detectLayerKind('https://x/a/tileset.json')?.type).toBe('tiles3d');
  });
});
