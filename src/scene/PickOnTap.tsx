/**
 * A click or tap that did not drag picks the feature under it and selects it for the info
 * panel; tapping empty space clears the selection.
 */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { pickedFeature } from '../engine/picked-feature';
import { useRuntime } from './runtime-context';

const TAP_PX = 6;
const TAP_MS = 500;

export function PickOnTap() {
  const rt = useRuntime();
  const gl = useThree((s) => s.gl);

  useEffect(() => {
    const dom = gl.domElement;
    let down: { x: number; y: number; t: number; id: number } | null = null;
    const onDown = (e: PointerEvent) => {
      if (e.button !== 0) return;
      down = { x: e.clientX, y: e.clientY, t: e.timeStamp, id: e.pointerId };
    };
    const onUp = (e: PointerEvent) => {
      const d = down;
      down = null;
      if (!d || d.id !== e.pointerId) return;
      if (Math.hypot(e.clientX - d.x, e.clientY - d.y) > TAP_PX || e.timeStamp - d.t > TAP_MS) return;
      const rect = dom.getBoundingClientRect();
      const ndcX = ((e.clientX - rect.left) / rect.width) * 2 - 1;
      const ndcY = -((e.clientY - rect.top) / rect.height) * 2 + 1;
      const group = rt.engine.pickGroupAt(ndcX, ndcY);
      rt.selection.getState().select(group.length > 0 ? pickedFeature(rt.engine, rt.scene.getState().doc, group) : null);
    };
    dom.addEventListener('pointerdown', onDown);
    dom.addEventListener('pointerup', onUp);
    return () => {
      dom.removeEventListener('pointerdown', onDown);
      dom.removeEventListener('pointerup', onUp);
    };
  }, [gl, rt]);

  return null;
}
