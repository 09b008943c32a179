/** Credits for the scene and each layer's data that is shown (visible, and at the timeline's time). */
import { useStore } from 'zustand';
import { useRuntime } from '../scene/runtime-context';
import { shownByTimeline } from '../state/time-comparisons';

export function Attribution() {
  const rt = useRuntime();
  const scene = useStore(rt.scene, (s) => s.doc?.attribution);
  const step = useStore(rt.timeline, (s) => s.step);
  const activeId = useStore(rt.compare, (s) => s.activeId);
  const mode = useStore(rt.compare, (s) => s.mode);
  const layerCredits = useStore(rt.scene, (s) => {
    return (s.doc?.layers ?? [])
      .filter((l) => l.visible && l.attribution && shownByTimeline(s.doc, { activeId, mode }, step, l.id))
      .map((l) => l.attribution as string)
      .join('\u0000');
  });
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
