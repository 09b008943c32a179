import { describe, expect, it } from 'vitest';
import { detectLayerKind, validateLayer } from '../../../src/spec';

describe('zoning layer spec', () => {
  it('should fill defaults for a minimal plan layer', () => {
    const r = validateLayer({ id: 'plan', type: 'zoning', name: 'Detaljplan', url: 'plan.json' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ format: 'auto', drapeRange: 25, volumes: true, visible: true, opacity: 1 });
  });

  it('should name the wrong field and value', () => {
    const r = validateLayer({ id: 'plan', type: 'zoning', name: 'P', url: 'p.json', crs: '3014', drapeRange: -1, mapping: { use: '' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.issues.map((i) => `${i.path}: ${i.message}`).join('\n');
    expect(text).toMatch(/crs: expected a CRS code such as "EPSG:3014"/);
    expect(text).toMatch(/drapeRange: expected a positive height range in metres/);
    expect(text).toMatch(/mapping\.use: expected a property name/);
  });

  it('should detect plans from content and from URLs', () => {
    expect(detectLayerKind('x.json', { type: 'FeatureCollection', 'feature:mediatyp': 'application/vnd.lm.detaljplan.v4+json', features: [] })?.type).toBe('zoning');
    expect(detectLayerKind('x.xml', '<?xml version="1.0"?><DP_Data xmlns="http://www.sis.se/ss637040">')?.type).toBe('zoning');
    expect(detectLayerKind('https://example.org/plans/detaljplan-1.json')?.type).toBe('zoning');
    expect(detectLayerKind('x.json', { type: 'FeatureCollection', features: [{ properties: { anvandning: 'B' } }] })?.type).toBe('zoning');
    expect(detectLayerKind('tileset.json', { asset: { version: '1.1' }, root: {} })?.type).toBe('tiles3d');
    expect(detectLayerKind('x.json', { type: 'FeatureCollection', features: [{ properties: { name: 'road' } }] })).toBeUndefined();
  });

  it('should detect plans and tilesets from the first bytes of a large JSON file (a text sample)', () => {
    const ngp = '{"type":"FeatureCollection","feature:mediatyp":"application/vnd.lm.detaljplan.v4+json","features":[{"type":"Feature","geometry":null,"properties":{"pla';
    expect(detectLayerKind('api/plan', ngp)?.type).toBe('zoning');
    expect(detectLayerKind('api/plan', '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"feature:typ":"detaljplan","plangeometri":[{"ge')?.type).toBe('zoning');
    expect(detectLayerKind('api/plan', '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"anvandning":"B","nockhojd":12},"geometry":{"type":"Pol')?.type).toBe('zoning');
    expect(detectLayerKind('api/city', '{\n  "asset": { "version": "1.0", "tilesetVersion": "3" },\n  "geometricError": 500,\n  "root": { "children": [ {"geom')?.type).toBe('tiles3d');
    expect(detectLayerKind('api/x', '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"road"},"geo')).toBeUndefined();
    expect(detectLayerKind('api/x', '{"asset": "not a tileset", "data": [1, 2, 3')).toBeUndefined();
  });
});
