/** Whether the meshes under an object cast and receive shadows (points and lines never do). */
import type { Mesh, Object3D } from 'three';

export function setShadowFlags(root: Object3D, on: boolean): void {
  root.traverse((o) => {
    if (!(o as Mesh).isMesh) return;
    o.castShadow = on;
    o.receiveShadow = on;
  });
}
