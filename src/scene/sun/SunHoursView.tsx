/**
 * Shows the sun-hours map (src/engine/sun/sun-hours-overlay.ts, loaded with the first result)
 * and keeps it in step with the comparison: today's map where today is drawn, the proposal's
 * where the proposal is, split at the swipe divider exactly as the buildings are.
 */
import { useEffect, useMemo } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { useStore } from 'zustand';
import type * as Overlay from '../../engine/sun/sun-hours-overlay';
import type { SunHoursResult } from '../../state/sun-hours-store';
import { wholeViewSide } from '../../state/compare-store';
import { useRuntime } from '../runtime-context';
import { useLazyModule } from '../use-lazy-module';

const loadOverlay = () => import('../../engine/sun/sun-hours-overlay');

export function SunHoursView() {
  const rt = useRuntime();
  const result = useStore(rt.sunHours, (s) => (s.shown ? s.result : null));
  const module: typeof Overlay | null = useLazyModule(result !== null, loadOverlay, 'The sun-hours map');
  return result && module ? <SunHoursMesh module={module} result={result} /> : null;
}

function SunHoursMesh({ module, result }: { module: typeof Overlay; result: SunHoursResult }) {
  const rt = useRuntime();
  const scene = useThree((s) => s.scene);
  const gl = useThree((s) => s.gl);
  const overlay = useMemo(() => new module.SunHoursOverlay(result), [module, result]);
  useEffect(() => {
    scene.add(overlay.mesh);
    return () => overlay.dispose();
  }, [scene, overlay]);
  const twoSides = result.sides.length > 1;
  useFrame((state) => {
    if (!twoSides) return;
    const reader = rt.engine.compare;
    const presenting = gl.xr.isPresenting;
    if (!reader?.active()) return overlay.setSplit(-Infinity); // no comparison: every layer drawn, so the "after" map
    if (reader.isSplit(presenting)) {
      overlay.setSplit(Math.round(reader.split() * state.size.width) * gl.getPixelRatio());
      return;
    }
    overlay.setSplit(wholeViewSide(reader.mode()) === 'before' ? Infinity : -Infinity);
  });
  return null;
}
