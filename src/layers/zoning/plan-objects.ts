/**
 * The three.js objects of a zoning layer, built from worker-made buffers: the draped areas (three
 * stencil passes per batch of one colour and pattern), the maximum-height envelopes and their edges.
 */
import {
  BufferAttribute,
  BufferGeometry,
  DoubleSide,
  Float32BufferAttribute,
  Group,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
  Sphere,
  Vector2,
  type Material,
  type WebGLRenderer,
} from 'three';
import { AFTER_DRAPES_RENDER_ORDER, allocateDrapeOrders, createDrapeMaterials, createDrapeUniforms, DRAPE_PASSES, type DrapeUniforms } from '../drape/drape-materials';
import { PlanLabelMesh } from './label-mesh';
import type { MeshArrays } from './mesh-buffers';
import type { PlanMeshes } from './plan-meshes';

const _size = new Vector2();
const ENVELOPE_OPACITY = 1;
const EDGE_OPACITY = 0.75;

function drapeGeometry(a: MeshArrays, widened: boolean): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(a.positions, 3));
  g.setAttribute('aColour', new BufferAttribute(a.colours, 4));
  g.setAttribute('aOffset', new BufferAttribute(a.offsets, 3));
  g.setAttribute('aPattern', new BufferAttribute(a.patterns, 1));
  g.setIndex(new BufferAttribute(a.indices, 1));
  g.computeBoundingSphere();
  if (widened && g.boundingSphere) g.boundingSphere.radius += 50; // outlines widen on screen
  return g;
}

function envelopeGeometry(a: MeshArrays): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(a.positions, 3));
  g.setAttribute('color', new BufferAttribute(a.colours, 4, true));
  g.setIndex(new BufferAttribute(a.indices, 1));
  g.computeBoundingSphere();
  return g;
}

export class PlanObjects {
  /** Root of everything the layer draws. */
  readonly root = new Group();
  /** The envelopes and their edges (own visibility toggle). */
  readonly volumes = new Group();
  /** Bounds of the plan's areas in the scene frame (empty when it has none). */
  readonly bounds = new Sphere();
  private readonly uniforms: DrapeUniforms = createDrapeUniforms();
  private readonly geometries: BufferGeometry[] = [];
  private readonly materials: Material[] = [];
  private readonly envelopeMaterial: MeshBasicMaterial;
  private readonly labels: PlanLabelMesh;
  private readonly edgeMaterial: LineBasicMaterial;

  constructor(geometry: PlanMeshes) {
    this.root.name = 'zoning';
    this.volumes.name = 'envelopes';
    let order = allocateDrapeOrders(geometry.drape.length * DRAPE_PASSES);
    geometry.drape.forEach((batch, b) => {
      const g = drapeGeometry(batch.mesh, batch.kind === 'outline');
      this.geometries.push(g);
      if (batch.kind !== 'outline' && g.boundingSphere) this.bounds.union(g.boundingSphere);
      createDrapeMaterials(this.uniforms).forEach((material, i) => {
        const mesh = new Mesh(g, material);
        mesh.name = `drape-${b}-pass-${i}`;
        mesh.renderOrder = order++;
        mesh.raycast = () => {}; // picking goes through the layer handle
        if (b === 0 && i === 0) mesh.onBeforeRender = (renderer: WebGLRenderer) => this.updateScreenUniforms(renderer);
        this.materials.push(material);
        this.root.add(mesh);
      });
    });
    // one pass for both sides (three draws transparent double-sided meshes twice by default)
    this.envelopeMaterial = new MeshBasicMaterial({ vertexColors: true, transparent: true, opacity: ENVELOPE_OPACITY, depthWrite: false, side: DoubleSide, forceSinglePass: true });
    this.edgeMaterial = new LineBasicMaterial({ color: 0x4a4a5a, transparent: true, opacity: EDGE_OPACITY, depthWrite: false });
    this.materials.push(this.envelopeMaterial, this.edgeMaterial);
    if (geometry.envelopes.indices.length > 0) {
      const g = envelopeGeometry(geometry.envelopes);
      this.geometries.push(g);
      const mesh = new Mesh(g, this.envelopeMaterial);
      mesh.name = 'envelopes';
      mesh.renderOrder = AFTER_DRAPES_RENDER_ORDER;
      mesh.raycast = () => {};
      this.volumes.add(mesh);
      const eg = new BufferGeometry();
      eg.setAttribute('position', new Float32BufferAttribute(geometry.envelopeEdges, 3));
      eg.computeBoundingSphere();
      this.geometries.push(eg);
      const lines = new LineSegments(eg, this.edgeMaterial);
      lines.name = 'envelope-edges';
      lines.renderOrder = AFTER_DRAPES_RENDER_ORDER + 1;
      lines.raycast = () => {};
      this.volumes.add(lines);
    }
    this.root.add(this.volumes);
    this.labels = new PlanLabelMesh(geometry.labels);
    if (this.labels.mesh) this.root.add(this.labels.mesh);
    if (this.bounds.isEmpty() && this.geometries[0]?.boundingSphere) this.bounds.copy(this.geometries[0].boundingSphere);
  }

  private updateScreenUniforms(renderer: WebGLRenderer): void {
    renderer.getSize(_size);
    this.uniforms.uPxToNdc.value = 2 / Math.max(1, _size.y);
    this.uniforms.uDpr.value = renderer.getPixelRatio();
  }

  /** Layer opacity, 0–1, applied to fills, outlines and envelopes. */
  setOpacity(opacity: number): void {
    this.uniforms.uOpacity.value = opacity;
    this.envelopeMaterial.opacity = ENVELOPE_OPACITY * opacity;
    this.edgeMaterial.opacity = EDGE_OPACITY * opacity;
    this.labels.setOpacity(opacity);
  }

  setVolumesVisible(visible: boolean): void {
    this.volumes.visible = visible;
  }

  dispose(): void {
    this.root.removeFromParent();
    for (const g of this.geometries) g.dispose();
    for (const m of this.materials) m.dispose();
    this.labels.dispose();
  }
}
