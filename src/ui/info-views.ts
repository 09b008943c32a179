/**
 * Which component shows a picked feature of each layer kind in the info panel. Kinds without
 * one get the generic property list. A new kind registers its view with one line.
 */
import type { ComponentType } from 'react';
import type { PickedFeature } from '../state/selection-store';

export interface InfoViewProps {
  picked: PickedFeature;
}

const views = new Map<string, ComponentType<InfoViewProps>>();

export function registerInfoView(layerType: string, view: ComponentType<InfoViewProps>): void {
  views.set(layerType, view);
}

export function getInfoView(layerType: string | undefined): ComponentType<InfoViewProps> | undefined {
  return layerType ? views.get(layerType) : undefined;
}
