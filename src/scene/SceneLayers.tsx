/** Mounts the view of every layer of the current scene, keyed by id so edits are diffs, not rebuilds. */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { getLayerView } from './layer-views';
import { useRuntime } from './runtime-context';
import './layers';

export function SceneLayers() {
  const rt = useRuntime();
  const layers = useStore(rt.scene, (s) => s.doc?.layers);
  const baseUrl = useStore(rt.scene, (s) => s.baseUrl);
  const revision = useStore(rt.scene, (s) => s.revision);
  // runs after the layer views' own effects (children first), so their handles are registered
  useEffect(() => {
    rt.engine.mountedRevision = revision;
  }, [rt, revision, layers]);
  if (!layers) return null;
  return (
    <group name="layers">
      {layers.map((layer) => {
        const View = getLayerView(layer.type);
        return View ? <View key={`${revision}:${layer.id}`} layer={layer} baseUrl={baseUrl} /> : null;
      })}
    </group>
  );
}
