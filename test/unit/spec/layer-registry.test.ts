import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { detectLayerKind, getLayerKind, registerLayerKind, sceneSchema, validateLayer, validateScene } from '../../../src/spec';
import { layerBaseShape } from '../../../src/spec/layer-base';

describe('layer registry', () => {
  it('should detect tiles3d from a tileset URL and from tileset content', () => {
    expect(detectLayerKind('https://x.org/city/tileset.json')?.type).toBe('tiles3d');
    expect(detectLayerKind('https://x.org/city/data.json')).toBeUndefined();
    expect(detectLayerKind('https://x.org/city/data.json', { asset: { version: '1.1' }, root: {} })?.type).toBe('tiles3d');
    expect(detectLayerKind('https://x.org/city/data.json', { type: 'FeatureCollection' })).toBeUndefined();
  });

  it('should refuse to register the same type twice', () => {
    expect(() => registerLayerKind(getLayerKind('tiles3d')!)).toThrow(/already registered/);
  });

  it('should extend the scene schema when a new kind registers, without touching the core', () => {
    const before = sceneSchema();
    const scene = {
      version: 1,
      title: 'T',
      origin: { lon: 17, lat: 62 },
      layers: [{ id: 'p', type: 'test-points', name: 'P', url: 'p.csv', radius: 3 }],
    };
    expect(validateScene(scene).ok).toBe(false);
    registerLayerKind({
      type: 'test-points',
      title: 'Test points',
      schema: z.strictObject({ type: z.literal('test-points'), ...layerBaseShape, radius: z.number().default(1) }),
      detect: (url) => (url.endsWith('.csv') ? 0.9 : 0),
    });
    expect(sceneSchema()).not.toBe(before);
    const result = validateScene(scene);
    expect(result.ok).toBe(true);
    expect(detectLayerKind('x/points.csv')?.type).toBe('test-points');
    expect(validateLayer({ id: 'q', type: 'test-points', name: 'Q', url: 'q.csv' })).toMatchObject({ ok: true, value: { radius: 1, visible: true } });
  });
});
