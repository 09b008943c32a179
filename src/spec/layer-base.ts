/**
 * The fields every layer shares. Each layer kind extends this object with its own options
 * and registers itself in `layer-registry.ts`.
 */
import { z } from 'zod';
import { identifier, opacity, url } from './primitives';
import { timeText } from './time';

export const layerBaseShape = {
  id: identifier.describe('Unique id of the layer within the scene.'),
  name: z.string({ error: 'expected a display name' }).min(1, { error: 'expected a non-empty display name' }).describe('Display name.'),
  visible: z.boolean({ error: 'expected true or false' }).default(true).describe('Whether the layer is drawn.'),
  opacity: opacity.default(1).describe('Opacity, 0 (transparent) to 1 (opaque).'),
  url: url.describe('Source URL: absolute, or relative to the scene document.'),
  attribution: z.string({ error: 'expected an attribution text' }).optional().describe('Credit shown for this layer’s data.'),
  time: timeText
    .optional()
    .describe(
      'When the layer’s content is from: a year ("1869"), a date ("1960-06-14") or an interval ("2026/.."). The timeline shows the layer only at times it covers; a layer without a time is always shown.',
    ),
};

export const layerBaseSchema = z.object(layerBaseShape);
export type LayerBase = z.output<typeof layerBaseSchema>;
