/**
 * Every built-in layer kind, registered once. A new kind adds one import and one line here.
 */
import { registerLayerKind, getLayerKind } from '../layer-registry';
import { tiles3dLayerKind } from './tiles3d';
import { zoningLayerKind } from './zoning';

for (const kind of [tiles3dLayerKind, zoningLayerKind]) {
  if (!getLayerKind(kind.type)) registerLayerKind(kind);
}

export { tiles3dLayerKind, tiles3dLayerSchema, type Tiles3dLayerSpec } from './tiles3d';
export { zoningLayerKind, zoningLayerSchema, type ZoningLayerSpec } from './zoning';
