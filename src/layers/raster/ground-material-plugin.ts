/**
 * Gives each tile of the raster ground its own copy of the ground material (lit like the
 * ground plane, receiving zoning drapes, drawn over the plane), before `ImageOverlayPlugin`
 * wraps it: the overlay plugin keeps per-tile textures in the material, so tiles cannot share one.
 * Like the ground plane, the tiles receive the sun study's shadows while it casts them.
 */
import { Mesh, type Material, type Object3D } from 'three';
import type { TilesRenderer } from '3d-tiles-renderer/three';

export class GroundMaterialPlugin {
  readonly name = 'RASTER_GROUND_MATERIAL';
  /** Before `ImageOverlayPlugin` (−15), which wraps the materials it finds. */
  readonly priority = -20;
  private tiles: TilesRenderer | null = null;
  private receiveShadow = false;

  constructor(private readonly material: Material) {}

  init(tiles: TilesRenderer): void {
    this.tiles = tiles;
  }

  /** Whether the tiles (loaded now and later) receive shadows. */
  setReceiveShadow(on: boolean): void {
    if (on === this.receiveShadow) return;
    this.receiveShadow = on;
    this.tiles?.forEachLoadedModel((scene) => scene.traverse((o) => (o.receiveShadow = on && o instanceof Mesh)));
  }

  processTileModel(scene: Object3D): void {
    scene.traverse((o) => {
      if (!(o instanceof Mesh)) return;
      (o.material as Material).dispose();
      o.material = this.material.clone();
      o.renderOrder = -1;
      o.receiveShadow = this.receiveShadow;
    });
  }

  dispose(): void {
    this.tiles = null;
  }
}
