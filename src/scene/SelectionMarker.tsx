/**
 * Marks the picked place with a pin that keeps a constant size on screen and shows through
 * buildings, so people see what the info panel is about.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { useStore } from 'zustand';
import { ConeGeometry, Group, Mesh, MeshBasicMaterial, SphereGeometry, Vector3 } from 'three';
import { useRuntime } from './runtime-context';
import { OVERLAY_RENDER_ORDER } from '../layers/drape/drape-materials';

/** Pin height as a fraction of the camera distance (≈ 3 % of the view). */
const SCREEN_FRACTION = 0.03;

const _eye = new Vector3();
const _pin = new Vector3();
const _parentScale = new Vector3();

export function SelectionMarker() {
  const rt = useRuntime();
  const picked = useStore(rt.selection, (s) => s.picked);
  const group = useRef<Group>(null);
  const parts = useMemo(() => {
    const material = new MeshBasicMaterial({ color: '#1f6f8b', depthTest: false, transparent: true, opacity: 0.95 });
    const head = new Mesh(new SphereGeometry(0.28, 24, 16), material);
    head.position.y = 1.15;
    const tip = new Mesh(new ConeGeometry(0.2, 0.9, 24).translate(0, 0.45, 0).rotateX(Math.PI), material);
    tip.position.y = 0.9;
    for (const m of [head, tip]) m.renderOrder = OVERLAY_RENDER_ORDER;
    return { material, head, tip };
  }, []);
  useEffect(
    () => () => {
      parts.material.dispose();
      parts.head.geometry.dispose();
      parts.tip.geometry.dispose();
    },
    [parts],
  );

  useFrame(({ camera, gl }) => {
    const g = group.current;
    if (!g || !g.visible) return;
    // in XR the eyes are the headset's cameras, and the world may be scaled to a table model
    const eye = gl.xr.isPresenting ? gl.xr.getCamera() : camera;
    eye.getWorldPosition(_eye);
    g.getWorldPosition(_pin);
    const parentScale = g.parent ? g.parent.getWorldScale(_parentScale).x : 1;
    const minimum = gl.xr.isPresenting ? 0.02 : 0.5;
    g.scale.setScalar(Math.max(minimum, (_eye.distanceTo(_pin) * SCREEN_FRACTION) / parentScale));
  });

  const at = picked?.at;
  const local = at ? rt.engine.frame.toLocal(at.lon, at.lat, at.height) : null;
  return (
    <group ref={group} visible={local !== null} position={local ?? [0, 0, 0]} name="selection-marker">
      <primitive object={parts.head} />
      <primitive object={parts.tip} />
    </group>
  );
}
