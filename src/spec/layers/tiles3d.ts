/**
 * `tiles3d`: an OGC 3D Tiles 1.0 or 1.1 tileset (`tileset.json`, implicit tiling, glTF/glb,
 * b3dm/i3dm/pnts/cmpt, Draco, meshopt, KTX2).
 */
import { z } from 'zod';
import { layerBaseShape } from '../layer-base';
import { ellipsoidHeight, heading, latitude, longitude } from '../primitives';
import type { LayerKindSpec } from '../layer-registry';

export const tiles3dLayerSchema = z
  .strictObject({
    type: z.literal('tiles3d'),
    ...layerBaseShape,
    errorTarget: z
      .number({ error: 'expected a screen-space error in pixels' })
      .positive({ error: 'expected a positive screen-space error in pixels' })
      .max(256, { error: 'expected a screen-space error in pixels (≤ 256)' })
      .default(8)
      .describe('Target screen-space error, pixels. Lower loads finer detail.'),
    heightOffset: z
      .number({ error: 'expected a height offset in metres' })
      .default(0)
      .describe('Vertical shift of the whole tileset along the local up axis, metres.'),
    pickable: z.boolean({ error: 'expected true or false' }).default(true).describe('Whether features can be picked.'),
    receivesDrape: z
      .boolean({ error: 'expected true or false' })
      .default(true)
      .describe('Whether draped layers (zoning plans, maps) colour this tileset’s surfaces: true for terrain and ground, false for buildings.'),
    placement: z
      .strictObject({
        lon: longitude.describe('Longitude, degrees east.'),
        lat: latitude.describe('Latitude, degrees north.'),
        height: ellipsoidHeight.default(0).describe('Height above the WGS84 ellipsoid, metres.'),
        heading: heading.default(0).describe('Rotation of the model’s +y axis from north, degrees clockwise.'),
      })
      .optional()
      .describe(
        'Anchors a tileset authored in local coordinates (not ECEF): its x, y, z axes become east, north, up at this place. ' +
          'Without it, a tileset whose root lies near the Earth’s centre is placed at the scene origin.',
      ),
  })
  .describe('OGC 3D Tiles 1.0/1.1 tileset');

export type Tiles3dLayerSpec = z.output<typeof tiles3dLayerSchema>;

/** Whether a sample is a tileset: parsed JSON, or the first bytes of a large tileset.json as text. */
function isTileset(sample: unknown): boolean {
  if (typeof sample === 'string') return /^\s*\{/.test(sample) && /"asset"\s*:\s*\{[^{}]*"version"\s*:\s*"/.test(sample) && /"(?:root|geometricError)"\s*:/.test(sample);
  if (typeof sample !== 'object' || sample === null) return false;
  const s = sample as { asset?: { version?: unknown }; root?: unknown };
  return typeof s.asset?.version === 'string' && typeof s.root === 'object';
}

export const tiles3dLayerKind: LayerKindSpec<typeof tiles3dLayerSchema> = {
  type: 'tiles3d',
  title: '3D Tiles',
  schema: tiles3dLayerSchema,
  detect(url, sample) {
    if (sample !== undefined) return isTileset(sample) ? 1 : 0;
    const path = url.split(/[?#]/)[0]!.toLowerCase();
    if (path.endsWith('tileset.json')) return 0.95;
    if (/\.(b3dm|i3dm|pnts|cmpt)$/.test(path)) return 0.7;
    return 0;
  },
};
