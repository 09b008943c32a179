/**
 * The measurement drawn in the scene, over everything so it is never hidden: the picked points,
 * the line between two points with its horizontal and vertical legs, a point's drop to the
 * ground, an area's outline and fill, and the figures as labels of constant screen size
 * (pixels on the desktop, an angle of view in the headset). Fat lines (three's `Line2`) keep
 * a constant width in pixels. Geometry is rebuilt when the measurement changes; per frame
 * only the sizes follow the camera (allocation-free).
 */
import {
  BufferGeometry,
  CanvasTexture,
  DoubleSide,
  Float32BufferAttribute,
  Group,
  Mesh,
  MeshBasicMaterial,
  Sprite,
  SpriteMaterial,
  Vector2,
  type Camera,
} from 'three';
import { LineSegments2 } from 'three/addons/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/addons/lines/LineSegmentsGeometry.js';
import { LineMaterial } from 'three/addons/lines/LineMaterial.js';
import earcut from 'earcut';
import { OVERLAY_RENDER_ORDER } from '../../layers/drape/drape-materials';
import type { MeasureMode, MeasurePoint } from '../../state/measure-store';
import type { MeasureLabel } from '../../state/measure-labels';
import { LABEL_PX, LabelSprite } from './label-sprite';

const LINE_COLOUR = 0xffc928;
const LINE_PX = 3;
const OUTLINE_PX = 6;
const DOT_PX = 12;
/** Angular heights in the headset (tangent): labels about 2.4°, dots about 1°. */
const XR_LABEL = 0.042;
const XR_DOT = 0.018;

function lineMaterial(colour: number, width: number, dashed: boolean, opacity = 1): LineMaterial {
  const m = new LineMaterial({ color: colour, linewidth: width, dashed, dashSize: 1.2, gapSize: 0.8, transparent: true, opacity, depthTest: false, depthWrite: false });
  return m;
}

function dotTexture(): CanvasTexture {
  const c = document.createElement('canvas');
  c.width = c.height = 64;
  const ctx = c.getContext('2d')!;
  ctx.beginPath();
  ctx.arc(32, 32, 26, 0, Math.PI * 2);
  ctx.fillStyle = '#ffc928';
  ctx.fill();
  ctx.lineWidth = 8;
  ctx.strokeStyle = '#1d2730';
  ctx.stroke();
  return new CanvasTexture(c);
}

const _size = new Vector2();

export class MeasureGraphics {
  readonly group = new Group();
  private readonly solidGeometry = new LineSegmentsGeometry();
  private readonly legGeometry = new LineSegmentsGeometry();
  private readonly outline: LineSegments2;
  private readonly solid: LineSegments2;
  private readonly legs: LineSegments2;
  private readonly fill: Mesh;
  private readonly dotMaterial: SpriteMaterial;
  private readonly dots: Sprite[] = [];
  private readonly labels: LabelSprite[] = [];
  private readonly materials: LineMaterial[];

  constructor() {
    this.group.name = 'measure';
    const outlineMaterial = lineMaterial(0x1d2730, OUTLINE_PX, false, 0.6);
    const solidMaterial = lineMaterial(LINE_COLOUR, LINE_PX, false);
    const legMaterial = lineMaterial(0xffffff, 2, true);
    this.materials = [outlineMaterial, solidMaterial, legMaterial];
    this.outline = new LineSegments2(this.solidGeometry, outlineMaterial);
    this.solid = new LineSegments2(this.solidGeometry, solidMaterial);
    this.legs = new LineSegments2(this.legGeometry, legMaterial);
    this.fill = new Mesh(
      new BufferGeometry(),
      new MeshBasicMaterial({ color: LINE_COLOUR, transparent: true, opacity: 0.28, side: DoubleSide, depthTest: false, depthWrite: false }),
    );
    const order = OVERLAY_RENDER_ORDER;
    this.fill.renderOrder = order - 1;
    this.legs.renderOrder = order;
    this.outline.renderOrder = order;
    this.solid.renderOrder = order + 1;
    for (const o of [this.fill, this.legs, this.outline, this.solid]) {
      o.frustumCulled = false;
      o.visible = false;
      this.group.add(o);
    }
    this.dotMaterial = new SpriteMaterial({ map: dotTexture(), depthTest: false, depthWrite: false, sizeAttenuation: false, transparent: true });
  }

  /** Redraws the measurement: `points` as picked in `mode`, the area `closed` or still open. */
  update(mode: MeasureMode | null, points: readonly MeasurePoint[], closed: boolean, labels: readonly MeasureLabel[]): void {
    const solid: number[] = [];
    const legs: number[] = [];
    let fill: number[] | null = null;
    const seg = (out: number[], a: { x: number; y: number; z: number }, b: { x: number; y: number; z: number }) => out.push(a.x, a.y, a.z, b.x, b.y, b.z);
    if (mode === 'distance' && points.length === 2) {
      const [a, b] = points as [MeasurePoint, MeasurePoint];
      seg(solid, a, b);
      const corner = { x: b.x, y: a.y, z: b.z };
      seg(legs, a, corner);
      seg(legs, corner, b);
    } else if (mode === 'height' && points.length === 1) {
      const p = points[0]!;
      seg(solid, p, { x: p.x, y: p.groundY, z: p.z });
    } else if (mode === 'area' && points.length >= 2) {
      for (let i = 0; i + 1 < points.length; i++) seg(solid, points[i]!, points[i + 1]!);
      if (points.length >= 3) {
        seg(closed ? solid : legs, points[points.length - 1]!, points[0]!);
        const flat = points.flatMap((p) => [p.x, p.z]);
        const tris = earcut(flat);
        fill = [];
        for (const i of tris) fill.push(points[i]!.x, points[i]!.y, points[i]!.z);
      }
    }
    this.setSegments(this.solidGeometry, solid, [this.solid, this.outline]);
    this.setSegments(this.legGeometry, legs, [this.legs]);
    if (legs.length) this.legs.computeLineDistances();
    const fillGeometry = this.fill.geometry;
    if (fill) fillGeometry.setAttribute('position', new Float32BufferAttribute(fill, 3));
    this.fill.visible = fill !== null;

    while (this.dots.length < points.length) {
      const dot = new Sprite(this.dotMaterial);
      dot.renderOrder = OVERLAY_RENDER_ORDER + 2;
      this.dots.push(dot);
      this.group.add(dot);
    }
    this.dots.forEach((dot, i) => {
      const p = points[i];
      dot.visible = p !== undefined;
      if (p) dot.position.set(p.x, p.y, p.z);
    });
    while (this.labels.length < labels.length) {
      const label = new LabelSprite();
      this.labels.push(label);
      this.group.add(label.sprite);
    }
    this.labels.forEach((label, i) => {
      const l = labels[i];
      label.sprite.visible = l !== undefined;
      if (!l) return;
      label.setText(l.text);
      label.sprite.position.set(l.at.x, l.at.y, l.at.z);
    });
  }

  private setSegments(geometry: LineSegmentsGeometry, positions: number[], lines: LineSegments2[]): void {
    if (positions.length) geometry.setPositions(positions);
    for (const l of lines) l.visible = positions.length > 0;
  }

  /**
   * Sizes for this frame: labels and dots of constant pixel size for a camera drawn into a
   * canvas of `heightPx` CSS pixels, or of constant angle in XR.
   */
  frame(camera: Camera, widthPx: number, heightPx: number, xr: boolean): void {
    const p = camera.projectionMatrix.elements[5]!; // 1 / tan(fov / 2)
    const perPixel = xr ? 0 : 2 / (p * heightPx);
    const labelHeight = xr ? XR_LABEL : LABEL_PX * perPixel;
    const dotSize = xr ? XR_DOT : DOT_PX * perPixel;
    for (const l of this.labels) l.setHeight(labelHeight);
    for (const d of this.dots) d.scale.set(dotSize, dotSize, 1);
    _size.set(widthPx, heightPx);
    for (const m of this.materials) m.resolution.copy(_size);
  }

  dispose(): void {
    this.group.removeFromParent();
    this.solidGeometry.dispose();
    this.legGeometry.dispose();
    this.fill.geometry.dispose();
    (this.fill.material as MeshBasicMaterial).dispose();
    for (const m of this.materials) m.dispose();
    this.dotMaterial.map?.dispose();
    this.dotMaterial.dispose();
    for (const l of this.labels) l.dispose();
  }
}
