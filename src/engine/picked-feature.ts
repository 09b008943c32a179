/**
 * A feature hit as the selection store holds it: where it is, which layer, and every feature
 * of that layer at the same place (a plan and each regulation that applies there). Desktop
 * taps and XR ray picks both go through here.
 */
import type { FeatureHit } from '../layers/layer-handle';
import type { SceneDocument } from '../spec';
import type { PickedFeature } from '../state/selection-store';
import type { Engine } from './engine';

/** The selection for a pick group (`Engine.pickGroupAt`/`pickGroupAlong`: the nearest hit first). */
export function pickedFeature(engine: Engine, doc: SceneDocument | null, group: readonly FeatureHit[]): PickedFeature {
  const hit = group[0]!;
  const [lon, lat, height] = engine.frame.toGeodetic(hit.point.x, hit.point.y, hit.point.z);
  const layer = doc?.layers.find((l) => l.id === hit.layerId);
  return {
    layerId: hit.layerId,
    layerName: layer?.name ?? hit.layerId,
    layerType: layer?.type,
    properties: hit.properties,
    at: { lon, lat, height },
    ...(group.length > 1 ? { features: group.map((f) => f.properties) } : {}),
  };
}
