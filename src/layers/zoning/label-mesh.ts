/**
 * A plan's symbols (B, GATA, h1…) as one mesh of screen-facing quads over a text atlas: one draw
 * call for all labels, a constant size on screen, drawn over buildings like a map's annotations
 * (the buildings on a block would otherwise hide its symbol), and hidden while their area is
 * too small on screen to hold them (so a zoomed-out plan does not turn to text).
 */
import { BufferAttribute, BufferGeometry, CanvasTexture, LinearFilter, Mesh, ShaderMaterial, SRGBColorSpace, Vector2, type WebGLRenderer } from 'three';
import { AFTER_DRAPES_RENDER_ORDER } from '../drape/drape-materials';
import type { PlanLabels } from './plan-labels';

/** Label text height, CSS pixels. */
const FONT_PX = 15;
/** Atlas pixels per CSS pixel (sharp on high-density screens). */
const ATLAS_SCALE = 2;
const ATLAS_WIDTH = 1024;
const HALO_PX = 3;

const _size = new Vector2();

const vertexShader = /* glsl */ `
attribute vec2 aCorner;
attribute vec2 aHalfSize;
attribute float aClearance;
uniform vec2 uViewport;
varying vec2 vUv;
void main() {
  vec4 mv = modelViewMatrix * vec4(position, 1.0);
  float dist = -mv.z;
  float scale = length(modelViewMatrix[0].xyz);
  // CSS pixels per metre of ground at this distance
  float pxPerMetre = projectionMatrix[1][1] * uViewport.y * 0.5 / max(dist, 0.001);
  if (dist <= 0.0 || aClearance * scale * pxPerMetre < aHalfSize.x * 0.8) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0); // outside the clip volume: not drawn
    return;
  }
  vec4 clip = projectionMatrix * mv;
  clip.xy += aCorner * aHalfSize * 2.0 / uViewport * clip.w;
  vUv = uv;
  gl_Position = clip;
}
`;

const fragmentShader = /* glsl */ `
uniform sampler2D uAtlas;
uniform float uOpacity;
varying vec2 vUv;
void main() {
  vec4 c = texture2D(uAtlas, vUv);
  if (c.a < 0.04) discard;
  gl_FragColor = vec4(c.rgb, c.a * uOpacity);
}
`;

interface Cell {
  u0: number;
  v0: number;
  u1: number;
  v1: number;
  /** Half size on screen, CSS pixels. */
  hw: number;
  hh: number;
}

function drawAtlas(texts: string[]): { canvas: HTMLCanvasElement; cells: Cell[] } | null {
  if (typeof document === 'undefined') return null;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const font = `700 ${FONT_PX * ATLAS_SCALE}px system-ui, "DejaVu Sans", sans-serif`;
  ctx.font = font;
  const cellH = Math.ceil((FONT_PX + 2 * HALO_PX + 4) * ATLAS_SCALE);
  const placed: { x: number; y: number; w: number }[] = [];
  let x = 0;
  let y = 0;
  for (const t of texts) {
    const w = Math.min(ATLAS_WIDTH, Math.ceil(ctx.measureText(t).width + 2 * (HALO_PX + 2) * ATLAS_SCALE));
    if (x + w > ATLAS_WIDTH) {
      x = 0;
      y += cellH;
    }
    placed.push({ x, y, w });
    x += w;
  }
  canvas.width = ATLAS_WIDTH;
  canvas.height = Math.max(1, y + cellH);
  ctx.font = font; // resizing resets the context
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  ctx.lineJoin = 'round';
  ctx.lineWidth = HALO_PX * 2 * ATLAS_SCALE;
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.92)';
  ctx.fillStyle = '#1b1b1b';
  const cells = texts.map((t, i) => {
    const p = placed[i]!;
    const cx = p.x + p.w / 2;
    const cy = p.y + cellH / 2;
    ctx.strokeText(t, cx, cy, p.w);
    ctx.fillText(t, cx, cy, p.w);
    return {
      u0: p.x / canvas.width,
      u1: (p.x + p.w) / canvas.width,
      v0: 1 - (p.y + cellH) / canvas.height,
      v1: 1 - p.y / canvas.height,
      hw: p.w / ATLAS_SCALE / 2,
      hh: cellH / ATLAS_SCALE / 2,
    };
  });
  return { canvas, cells };
}

export class PlanLabelMesh {
  /** The label mesh, or `null` where no 2D canvas is available (e.g. in Node tests) or there are no labels. */
  readonly mesh: Mesh | null = null;
  private readonly texture: CanvasTexture | null = null;
  private readonly material: ShaderMaterial | null = null;

  constructor(labels: PlanLabels) {
    const count = labels.text.length;
    const atlas = count > 0 ? drawAtlas(labels.texts) : null;
    if (!atlas) return;
    const n = count * 4;
    const position = new Float32Array(n * 3);
    const corner = new Float32Array(n * 2);
    const half = new Float32Array(n * 2);
    const uv = new Float32Array(n * 2);
    const clearance = new Float32Array(n);
    const index = new Uint32Array(count * 6);
    const corners = [-1, -1, 1, -1, 1, 1, -1, 1];
    for (let i = 0; i < count; i++) {
      const cell = atlas.cells[labels.text[i]!]!;
      for (let k = 0; k < 4; k++) {
        const v = i * 4 + k;
        position.set(labels.anchors.subarray(i * 3, i * 3 + 3), v * 3);
        corner[v * 2] = corners[k * 2]!;
        corner[v * 2 + 1] = corners[k * 2 + 1]!;
        half[v * 2] = cell.hw;
        half[v * 2 + 1] = cell.hh;
        uv[v * 2] = corners[k * 2]! < 0 ? cell.u0 : cell.u1;
        uv[v * 2 + 1] = corners[k * 2 + 1]! < 0 ? cell.v0 : cell.v1;
        clearance[v] = labels.clearance[i]!;
      }
      index.set([i * 4, i * 4 + 1, i * 4 + 2, i * 4, i * 4 + 2, i * 4 + 3], i * 6);
    }
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(position, 3));
    g.setAttribute('aCorner', new BufferAttribute(corner, 2));
    g.setAttribute('aHalfSize', new BufferAttribute(half, 2));
    g.setAttribute('uv', new BufferAttribute(uv, 2));
    g.setAttribute('aClearance', new BufferAttribute(clearance, 1));
    g.setIndex(new BufferAttribute(index, 1));
    g.computeBoundingSphere();
    const texture = new CanvasTexture(atlas.canvas);
    texture.colorSpace = SRGBColorSpace;
    texture.minFilter = LinearFilter;
    texture.generateMipmaps = false;
    const material = new ShaderMaterial({
      uniforms: { uAtlas: { value: texture }, uViewport: { value: new Vector2(1280, 800) }, uOpacity: { value: 1 } },
      vertexShader,
      fragmentShader,
      transparent: true,
      depthWrite: false,
      depthTest: false,
    });
    const mesh = new Mesh(g, material);
    mesh.name = 'plan-labels';
    mesh.renderOrder = AFTER_DRAPES_RENDER_ORDER + 2;
    mesh.raycast = () => {};
    mesh.onBeforeRender = (renderer: WebGLRenderer) => {
      renderer.getSize(_size);
      (material.uniforms.uViewport!.value as Vector2).copy(_size);
    };
    this.mesh = mesh;
    this.texture = texture;
    this.material = material;
  }

  setOpacity(opacity: number): void {
    if (this.material) this.material.uniforms.uOpacity!.value = opacity;
  }

  dispose(): void {
    this.mesh?.removeFromParent();
    this.mesh?.geometry.dispose();
    this.material?.dispose();
    this.texture?.dispose();
  }
}
