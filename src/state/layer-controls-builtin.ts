/** The extra controls of the built-in layer kinds. */
import type { ZoningLayerSpec } from '../spec';
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
