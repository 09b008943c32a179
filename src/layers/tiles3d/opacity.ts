/**
 * Layer opacity applied to every material of a tile's content: it multiplies the material's own
 * opacity (glass at 0.4 stays 0.4 at layer opacity 1 and becomes 0.2 at 0.5), and opacity 1
 * gives each material back exactly what it had.
 */
import type { Material, Mesh, Object3D } from 'three';

interface OwnLook {
  opacity: number;
  transparent: boolean;
  depthWrite: boolean;
}

/** Each material's look as the content made it, taken the first time a layer opacity touches it. */
const own = new WeakMap<Material, OwnLook>();

export function applyOpacity(root: Object3D, opacity: number): void {
  root.traverse((o) => {
    const material = (o as Mesh).material as Material | Material[] | undefined;
    if (!material) return;
    for (const m of Array.isArray(material) ? material : [material]) {
      let look = own.get(m);
      if (!look) own.set(m, (look = { opacity: m.opacity, transparent: m.transparent, depthWrite: m.depthWrite }));
      const fading = opacity < 1;
      const transparent = look.transparent || fading;
      if (m.transparent !== transparent) m.needsUpdate = true;
      m.transparent = transparent;
      m.opacity = look.opacity * opacity;
      m.depthWrite = fading ? false : look.depthWrite;
    }
  });
}
