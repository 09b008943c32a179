/**
 * A click or tap that did not drag picks the feature under it and selects it for the info
 * panel; tapping empty space clears the selection. While measuring, it adds a measure point
 * instead; tapping an area's first point again closes the area.
 */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { Vector3 } from 'three';
import { pickedFeature } from '../engine/picked-feature';
import { groundPlaneY, measurePointAlong } from '../engine/measure/measure-pick';
import { useRuntime } from './runtime-context';

const TAP_PX = 6;
const TAP_MS = 500;
/** A tap this close to an area's first point (CSS px) closes the area. */
const CLOSE_PX = 14;
const _first = new Vector3();

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
      if (Math.hypot(e.clientX - d.x, e.clientY - d.y) > TAP_PX) return;
      const measure = rt.measure.getState();
      // a long press picks nothing, except while measuring: a point held down is still placed
      if (e.timeStamp - d.t > TAP_MS && !measure.mode) return;
      const rect = dom.getBoundingClientRect();
      const ndcX = ((e.clientX - rect.left) / rect.width) * 2 - 1;
      const ndcY = -((e.clientY - rect.top) / rect.height) * 2 + 1;
      if (measure.mode) {
        const first = measure.points[0];
        const camera = rt.engine.camera;
        if (measure.mode === 'area' && !measure.closed && measure.points.length >= 3 && first && camera) {
          _first.set(first.x, first.y, first.z).project(camera);
          const px = ((_first.x - ndcX) * rect.width) / 2;
          const py = ((_first.y - ndcY) * rect.height) / 2;
          if (Math.hypot(px, py) <= CLOSE_PX) {
            measure.close();
            return;
          }
        }
        const raycaster = rt.engine.raycasterAt(ndcX, ndcY);
        const point = raycaster && measurePointAlong(rt.engine, raycaster, groundPlaneY(rt.scene.getState().doc));
        if (point) measure.addPoint(point);
        return;
      }
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
