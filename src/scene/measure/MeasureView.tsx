/**
 * Draws the current measurement in the scene (src/engine/measure/measure-graphics.ts, with
 * three's fat lines, loaded the first time measuring starts). Nothing is mounted before that.
 */
import { useEffect, useMemo } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { useStore } from 'zustand';
import type * as Graphics from '../../engine/measure/measure-graphics';
import { measureLabels } from '../../state/measure-labels';
import { uiStore } from '../../state/ui-store';
import { useRuntime } from '../runtime-context';
import { useLazyModule } from '../use-lazy-module';

const loadGraphics = () => import('../../engine/measure/measure-graphics');

export function MeasureView() {
  const rt = useRuntime();
  const active = useStore(rt.measure, (s) => s.mode !== null || s.points.length > 0);
  const module: typeof Graphics | null = useLazyModule(active, loadGraphics, 'Measuring');
  return module ? <MeasureGraphicsView module={module} /> : null;
}

function MeasureGraphicsView({ module }: { module: typeof Graphics }) {
  const rt = useRuntime();
  const scene = useThree((s) => s.scene);
  const gl = useThree((s) => s.gl);
  const graphics = useMemo(() => new module.MeasureGraphics(), [module]);
  const mode = useStore(rt.measure, (s) => s.mode);
  const points = useStore(rt.measure, (s) => s.points);
  const closed = useStore(rt.measure, (s) => s.closed);
  const lang = useStore(uiStore, (s) => s.lang);
  useEffect(() => {
    scene.add(graphics.group);
    return () => graphics.dispose();
  }, [scene, graphics]);
  useEffect(() => graphics.update(mode, points, closed, measureLabels(mode, points, closed, lang)), [graphics, mode, points, closed, lang]);
  useFrame((state) => {
    graphics.frame(state.camera, state.size.width, state.size.height, gl.xr.isPresenting);
  });
  return null;
}
