import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSchema, SCHEMA_PATH } from '../../../tools/export-schema';

describe('JSON Schema export', () => {
  it('should match the committed public/schema/scene.v1.json (run npm run schema after changing the spec)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(renderSchema());
  });

  it('should describe layers as a oneOf over the registered kinds with their defaults', () => {
    const schema = JSON.parse(renderSchema()) as { properties: { layers: { items: { oneOf: { properties: Record<string, { default?: unknown }> }[] } } } };
    const tiles = schema.properties.layers.items.oneOf[0]!;
    expect(tiles.properties.type).toMatchObject({ const: 'tiles3d' });
    expect(tiles.properties.errorTarget!.default).toBe(8);
  });
});
