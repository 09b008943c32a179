/**
 * Takes over rendering while the scene has comparisons: each frame is drawn by
 * `renderComparison` (one side, or the two halves of the swipe view). A positive `useFrame`
 * priority tells R3F not to render by itself and runs this after every priority-0 callback
 * (camera, tiles, frame clock). Without comparisons it is not mounted and R3F renders as usual.
 */
import { useCallback } from 'react';
import { useFrame, type RootState } from '@react-three/fiber';
import { useStore } from 'zustand';
import { renderComparison } from '../engine/compare/render-comparison';
import { useRuntime } from './runtime-context';

/** After the priority-0 callbacks; only the order among positive priorities matters to R3F. */
const RENDER_PRIORITY = 1;

export function CompareRenderer() {
  const rt = useRuntime();
  const hasComparisons = useStore(rt.scene, (s) => (s.doc?.comparisons?.length ?? 0) > 0);
  return hasComparisons ? <ComparisonPass /> : null;
}

function ComparisonPass() {
  const rt = useRuntime();
  const lookup = useCallback((id: string) => rt.engine.layer(id)?.object, [rt]);
  useFrame(({ gl, scene, camera }: RootState) => renderComparison(gl, scene, camera, rt.engine.compare, lookup), RENDER_PRIORITY);
  return null;
}
