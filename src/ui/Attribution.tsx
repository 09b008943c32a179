/** Credits for the scene and each visible layer's data. */
import { useStore } from 'zustand';
import { useRuntime } from '../scene/runtime-context';

export function Attribution() {
  const rt = useRuntime();
  const scene = useStore(rt.scene, (s) => s.doc?.attribution);
  const layerCredits = useStore(rt.scene, (s) =>
    (s.doc?.layers ?? []).filter((l) => l.visible && l.attribution).map((l) => l.attribution as string).join('\u0000'),
  );
  const credits = [...new Set([...(Array.isArray(scene) ? scene : scene ? [scene] : []), ...(layerCredits ? layerCredits.split('\u0000') : [])])];
  if (credits.length === 0) return null;
  return (
    <footer className="attribution">
      {credits.map((c) => (
        <span key={c}>{c}</span>
      ))}
    </footer>
  );
}
