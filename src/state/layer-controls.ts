/**
 * Controls that a layer kind offers beyond visibility (e.g. a plan's height volumes), as data,
 * so the desktop layer panel and the in-scene XR menu draw the same controls. A kind registers
 * its controls once (`layer-controls-builtin.ts` for the built-in kinds).
 */
import type { LayerSpec } from '../spec';
import type { Lang } from './ui-store';

export interface LayerToggleControl {
  kind: 'toggle';
  /** Stable id, e.g. `volumes`. */
  id: string;
  label: Record<Lang, string>;
  /** The control's current value for a layer. */
  value(layer: LayerSpec): boolean;
  /** The document change that sets it. */
  patch(value: boolean): Partial<LayerSpec>;
}

export type LayerControl = LayerToggleControl;

const byType = new Map<string, LayerControl[]>();
const NONE: readonly LayerControl[] = [];

export function registerLayerControls(type: string, controls: LayerControl[]): void {
  byType.set(type, [...(byType.get(type) ?? []), ...controls]);
}

export function layerControls(type: string): readonly LayerControl[] {
  return byType.get(type) ?? NONE;
}
