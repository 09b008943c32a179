/** The extra controls of the built-in layer kinds. */
import type { RasterLayerSpec, ZoningLayerSpec } from '../spec';
import { layerControls, registerLayerControls } from './layer-controls';

if (layerControls('zoning').length === 0) {
  registerLayerControls('zoning', [
    {
      kind: 'toggle',
      id: 'volumes',
      label: { sv: 'Högsta höjder (volymer)', en: 'Maximum heights (volumes)' },
      value: (layer) => (layer as ZoningLayerSpec).volumes,
      patch: (volumes) => ({ volumes }) as Partial<ZoningLayerSpec>,
    },
  ]);
}

/** A raster's see-through setting: half opacity lets the ground, the plan or another map show through. */
export const SEE_THROUGH_OPACITY = 0.5;

if (layerControls('raster').length === 0) {
  registerLayerControls('raster', [
    {
      kind: 'toggle',
      id: 'see-through',
      label: { sv: 'Genomskinlig (50 %)', en: 'See-through (50 %)' },
      value: (layer) => (layer as RasterLayerSpec).opacity < 1,
      patch: (on) => ({ opacity: on ? SEE_THROUGH_OPACITY : 1 }) as Partial<RasterLayerSpec>,
    },
  ]);
}
