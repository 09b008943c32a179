/**
 * The zoning layer's controls besides visibility, for every surface that lists layer controls
 * (today the in-scene XR menu): the maximum-height envelopes ("height volumes") on or off.
 */
import type { ZoningLayerSpec } from '../../spec';
import { registerLayerControls } from '../../state/layer-controls';

export function registerZoningControls(): () => void {
  return registerLayerControls('zoning', () => [
    {
      id: 'volumes',
      label: { sv: 'Höjdvolymer', en: 'Height volumes' },
      value: (layer) => (layer as ZoningLayerSpec).volumes,
      set: (layer, on, scene) => scene.getState().updateLayer(layer.id, { volumes: on } as Partial<ZoningLayerSpec>),
    },
  ]);
}
