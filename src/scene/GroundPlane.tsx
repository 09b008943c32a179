/**
 * A plain ground plane reaching to the horizon (40 km), just under the scene's ground height,
 * fading into the fog: the district then sits in a landscape instead of floating. Flat: at
 * 40 km the Earth drops 125 m below it, which the fog hides.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { CircleGeometry, MeshLambertMaterial, type Mesh } from 'three';
import { markMaterialDrapeReceiver } from '../layers/drape/drape-materials';
import { useRuntime } from './runtime-context';

/** Metres the plane lies below the ground height, to stay clear of the layers' own ground. */
const CLEARANCE = 0.4;
const RADIUS = 40_000;

/** Height of the ground plane in the scene frame (y, metres): the scene's ground height less the clearance. */
export function groundPlaneY(ground: { height?: number } | undefined, originHeight: number): number {
  return (ground?.height ?? originHeight) - originHeight - CLEARANCE;
}

export function GroundPlane() {
  const rt = useRuntime();
  const ground = useStore(rt.scene, (s) => s.doc?.ground);
  const originHeight = useStore(rt.scene, (s) => s.doc?.origin.height ?? 0);
  // it receives the sun study's shadows (it casts none: it is the lowest surface)
  const shadows = useStore(rt.sun, (s) => s.shadows);
  const geometry = useMemo(() => new CircleGeometry(RADIUS, 96).rotateX(-Math.PI / 2), []);
  const material = useMemo(() => {
    const m = new MeshLambertMaterial();
    markMaterialDrapeReceiver(m); // plans drape onto the plane where no ground tiles cover it
    return m;
  }, []);
  useEffect(
    () => () => {
      geometry.dispose();
      material.dispose();
    },
    [geometry, material],
  );
  // picking meets the plane as a surface (plans draped on it answer there)
  const mesh = useRef<Mesh>(null);
  useEffect(() => {
    const m = mesh.current;
    if (!m) return;
    m.updateMatrixWorld();
    rt.engine.groundPlane = m;
    return () => {
      if (rt.engine.groundPlane === m) rt.engine.groundPlane = null;
    };
  }, [rt, ground]);
  if (!ground) return null;
  material.color.set(ground.colour);
  const y = groundPlaneY(ground, originHeight);
  return <mesh ref={mesh} name="ground-plane" geometry={geometry} material={material} position={[0, y, 0]} renderOrder={-1} receiveShadow={shadows} />;
}
