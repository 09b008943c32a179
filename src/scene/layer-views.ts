/**
 * Which React component draws each layer kind inside the canvas. A new kind registers its
 * view here (one line in `./layers/index.ts`).
 */
import type { ComponentType } from 'react';
import type { LayerSpec } from '../spec';

export interface LayerViewProps {
  layer: LayerSpec;
  /** URL that the layer's relative `url` resolves against (the scene document's). */
  baseUrl: string;
}

const views = new Map<string, ComponentType<LayerViewProps>>();

export function registerLayerView(type: string, view: ComponentType<LayerViewProps>): void {
  views.set(type, view);
}

export function getLayerView(type: string): ComponentType<LayerViewProps> | undefined {
  return views.get(type);
}
