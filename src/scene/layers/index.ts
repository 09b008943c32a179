/** Registers the canvas view of every built-in layer kind. */
import { registerLayerView } from '../layer-views';
import { Tiles3dLayerView } from './Tiles3dLayerView';

registerLayerView('tiles3d', Tiles3dLayerView);
