/** Layer opacity applied to every material of a tile's content. */
import type { Material, Mesh, Object3D } from 'three';

export function applyOpacity(root: Object3D, opacity: number): void {
  root.traverse((o) => {
    const material = (o as Mesh).material as Material | Material[] | undefined;
    if (!material) return;
    for (const m of Array.isArray(material) ? material : [material]) {
      const transparent = opacity < 1;
      if (m.transparent !== transparent) m.needsUpdate = true;
      m.transparent = transparent;
      m.opacity = opacity;
      m.depthWrite = !transparent;
    }
  });
}
