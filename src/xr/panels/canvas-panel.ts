/**
 * A flat panel in the scene whose face is a 2D canvas: text drawn with `fillText` (never
 * markup) onto a texture on an unlit plane. One mesh and one draw call per panel; redrawn
 * only when its content changes. Sizes in metres; `PX_PER_METRE` sets the texture density
 * (about 2 texels per Quest 3 pixel at 0.7 m).
 */
import { CanvasTexture, DoubleSide, LinearFilter, Mesh, MeshBasicMaterial, PlaneGeometry, SRGBColorSpace } from 'three';
import { OVERLAY_RENDER_ORDER } from '../../layers/drape/drape-materials';

export const PX_PER_METRE = 1600;

export class CanvasPanel {
  readonly canvas: HTMLCanvasElement;
  readonly ctx: CanvasRenderingContext2D;
  readonly texture: CanvasTexture;
  readonly mesh: Mesh<PlaneGeometry, MeshBasicMaterial>;
  width = 0;
  height = 0;

  constructor(name: string) {
    this.canvas = document.createElement('canvas');
    this.ctx = this.canvas.getContext('2d')!;
    this.texture = new CanvasTexture(this.canvas);
    this.texture.colorSpace = SRGBColorSpace;
    this.texture.minFilter = LinearFilter;
    this.texture.generateMipmaps = false;
    const material = new MeshBasicMaterial({ map: this.texture, transparent: true, side: DoubleSide, fog: false, toneMapped: false });
    this.mesh = new Mesh(new PlaneGeometry(1, 1), material);
    this.mesh.name = name;
    this.mesh.renderOrder = OVERLAY_RENDER_ORDER;
  }

  /**
   * Sizes the panel (metres) and its canvas and clears it; returns the context in canvas
   * pixels (`PX_PER_METRE` per metre: fonts are not scaled by a transform, which blurs them).
   */
  begin(width: number, height: number): CanvasRenderingContext2D {
    if (width !== this.width || height !== this.height) {
      this.width = width;
      this.height = height;
      this.canvas.width = Math.ceil(width * PX_PER_METRE);
      this.canvas.height = Math.ceil(height * PX_PER_METRE);
      this.mesh.geometry.dispose();
      this.mesh.geometry = new PlaneGeometry(width, height);
      this.texture.dispose(); // the GPU copy has the old size
    }
    const ctx = this.ctx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    return ctx;
  }

  end(): void {
    this.texture.needsUpdate = true;
  }

  dispose(): void {
    this.mesh.geometry.dispose();
    this.mesh.material.dispose();
    this.texture.dispose();
  }
}

/** Rounded rectangle path (canvas pixels). */
export function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

/** `text` shortened with an ellipsis to fit `maxWidth` (canvas pixels) in the current font. */
export function fitText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

/** A font of `metres` cap-to-descender size in canvas pixels. */
export function font(metres: number, weight = 400): string {
  return `${weight} ${Math.round(metres * PX_PER_METRE)}px ${PANEL_FONT}`;
}

export const PANEL_FONT = 'system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif';
