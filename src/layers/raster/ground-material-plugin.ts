/**
 * Gives each tile of the raster ground its own copy of the ground material (lit like the
 * ground plane, receiving zoning drapes, drawn over the plane), before `ImageOverlayPlugin`
 * wraps it: the overlay plugin keeps per-tile textures in the material, so tiles cannot share one.
 */
import { Mesh, type Material, type Object3D } from 'three';

export class GroundMaterialPlugin {
  readonly name = 'RASTER_GROUND_MATERIAL';
  /** Before `ImageOverlayPlugin` (−15), which wraps the materials it finds. */
  readonly priority = -20;

  constructor(private readonly material: Material) {}

  processTileModel(scene: Object3D): void {
    scene.traverse((o) => {
      if (!(o instanceof Mesh)) return;
      (o.material as Material).dispose();
      o.material = this.material.clone();
      o.renderOrder = -1;
    });
  }
}
