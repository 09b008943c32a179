/**
 * Takes over rendering while the scene has comparisons or a timeline: each frame the
 * timeline's position advances (crossfading between steps), layers out of time are hidden
 * (rasters fade), and `renderComparison` draws one side or the two halves of the swipe view.
 * A positive `useFrame` priority tells R3F not to render by itself and runs this after every
 * priority-0 callback (camera, tiles, frame clock). Without either it is not mounted and R3F
 * renders as usual.
 */
import { useCallback } from 'react';
import { useFrame, type RootState } from '@react-three/fiber';
import { useStore } from 'zustand';
import { renderComparison } from '../engine/compare/render-comparison';
import { TimePass } from '../engine/timeline/time-pass';
import { sceneTimeline } from '../state/timeline';
import { useRuntime } from './runtime-context';

/** After the priority-0 callbacks; only the order among positive priorities matters to R3F. */
const RENDER_PRIORITY = 1;

const _timePass = new TimePass();
const NO_LAYERS: { id: string }[] = [];

export function SceneRenderer() {
  const rt = useRuntime();
  const needed = useStore(rt.scene, (s) => (s.doc?.comparisons?.length ?? 0) > 0 || sceneTimeline(s.doc) !== null);
  return needed ? <ScenePass /> : null;
}

function ScenePass() {
  const rt = useRuntime();
  const lookup = useCallback((id: string) => rt.engine.layer(id)?.object, [rt]);
  const handleOf = useCallback((id: string) => rt.engine.layer(id), [rt]);
  useFrame(({ gl, scene, camera }: RootState, delta: number) => {
    const reader = rt.engine.timeline;
    if (reader) {
      reader.advance(delta * 1000);
      _timePass.begin(rt.scene.getState().doc?.layers ?? NO_LAYERS, reader, handleOf);
    }
    try {
      renderComparison(gl, scene, camera, rt.engine.compare, lookup);
    } finally {
      _timePass.end();
    }
  }, RENDER_PRIORITY);
  return null;
}
