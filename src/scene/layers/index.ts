/** Registers the canvas view (and the extra controls, see state/layer-controls) of every built-in layer kind. */
import { registerLayerView } from '../layer-views';
import { Tiles3dLayerView } from './Tiles3dLayerView';
import { ZoningLayerView } from './ZoningLayerView';
import { registerZoningControls } from '../../layers/zoning/controls';

registerLayerView('tiles3d', Tiles3dLayerView);
registerLayerView('zoning', ZoningLayerView);
registerZoningControls();
