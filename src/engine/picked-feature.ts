/**
 * A feature hit as the selection store holds it: where it is, which layer, and every feature
 * of that layer at the same place (a plan and each regulation that applies there). Desktop
 * taps and XR ray picks both go through here.
 */
import type { Raycaster } from 'three';
import type { FeatureHit } from '../layers/layer-handle';
import type { SceneDocument } from '../spec';
import type { PickedFeature } from '../state/selection-store';
import type { Engine } from './engine';

/** Hits of one layer closer together than this along the ray count as the same place, metres. */
const SAME_PLACE = 1e-3;

export function pickedFeature(engine: Engine, doc: SceneDocument | null, hit: FeatureHit, raycaster: Raycaster): PickedFeature {
  const [lon, lat, height] = engine.frame.toGeodetic(hit.point.x, hit.point.y, hit.point.z);
  const layer = doc?.layers.find((l) => l.id === hit.layerId);
  const along = engine.layer(hit.layerId)?.featuresAlong(raycaster) ?? [];
  const together = along.filter((f) => Math.abs(f.distance - hit.distance) < SAME_PLACE).map((f) => f.properties);
  return {
    layerId: hit.layerId,
    layerName: layer?.name ?? hit.layerId,
    layerType: layer?.type,
    properties: hit.properties,
    at: { lon, lat, height },
    ...(together.length > 1 ? { features: together } : {}),
  };
}
