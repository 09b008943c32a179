/** Registers the canvas view of every built-in layer kind. */
import { registerLayerView } from '../layer-views';
import { Tiles3dLayerView } from './Tiles3dLayerView';
import { ZoningLayerView } from './ZoningLayerView';
import { RasterLayerView } from './RasterLayerView';

registerLayerView('tiles3d', Tiles3dLayerView);
registerLayerView('zoning', ZoningLayerView);
registerLayerView('raster', RasterLayerView);
