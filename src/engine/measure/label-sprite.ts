/**
 * A text label that stays readable: a canvas-texture sprite drawn over everything, kept at a
 * constant size on screen (desktop: pixels of the canvas; XR: an angle of the view), dark text
 * on a light rounded box. The canvas is redrawn only when the text changes.
 */
import { CanvasTexture, LinearFilter, SRGBColorSpace, Sprite, SpriteMaterial } from 'three';
import { OVERLAY_RENDER_ORDER } from '../../layers/drape/drape-materials';

/** Canvas pixels per CSS pixel of label height (sharp on high-density screens and in headsets). */
const SCALE = 3;
/** Label height, CSS pixels. */
export const LABEL_PX = 26;
const FONT = `600 ${15 * SCALE}px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`;

export class LabelSprite {
  readonly sprite: Sprite;
  private readonly canvas: HTMLCanvasElement;
  private readonly texture: CanvasTexture;
  private text = '';
  /** Width over height of the drawn label. */
  aspect = 1;

  constructor() {
    this.canvas = document.createElement('canvas');
    this.texture = new CanvasTexture(this.canvas);
    this.texture.colorSpace = SRGBColorSpace;
    this.texture.minFilter = LinearFilter;
    this.texture.generateMipmaps = false;
    const material = new SpriteMaterial({ map: this.texture, depthTest: false, depthWrite: false, sizeAttenuation: false, transparent: true });
    this.sprite = new Sprite(material);
    this.sprite.renderOrder = OVERLAY_RENDER_ORDER + 2;
    this.sprite.name = 'measure-label';
  }

  setText(text: string): void {
    if (text === this.text) return;
    this.text = text;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const h = LABEL_PX * SCALE;
    ctx.font = FONT;
    const w = Math.ceil(ctx.measureText(text).width + 20 * SCALE);
    this.canvas.width = w;
    this.canvas.height = h;
    ctx.font = FONT;
    ctx.fillStyle = 'rgba(255, 255, 255, 0.94)';
    ctx.strokeStyle = 'rgba(29, 39, 48, 0.55)';
    ctx.lineWidth = 1.5 * SCALE;
    const r = 8 * SCALE;
    ctx.beginPath();
    ctx.roundRect(ctx.lineWidth, ctx.lineWidth, w - 2 * ctx.lineWidth, h - 2 * ctx.lineWidth, r);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = '#1d2730';
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'center';
    ctx.fillText(text, w / 2, h / 2 + SCALE);
    this.aspect = w / h;
    this.texture.dispose(); // the canvas changed size: a new GPU texture
    this.texture.needsUpdate = true;
  }

  /** Scales the sprite to `height` (sprite units: the tangent of its angular height). */
  setHeight(height: number): void {
    this.sprite.scale.set(height * this.aspect, height, 1);
  }

  dispose(): void {
    this.texture.dispose();
    this.sprite.material.dispose();
    this.sprite.removeFromParent();
  }
}
