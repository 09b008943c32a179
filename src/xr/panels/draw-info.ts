/** Draws the picked feature's lines onto a canvas panel, with a close mark in the corner. */
import type { InfoLines } from './info-lines';
import { fitText, font, PX_PER_METRE as K, roundRect, type CanvasPanel } from './canvas-panel';

/** Panel width, metres. */
export const INFO_WIDTH = 0.46;
const ROW = 0.034;
const PAD = 0.02;
const TITLE = 0.04;
/** Side of the close square in the top-right corner, metres. */
export const INFO_CLOSE = 0.06;

/** Panel height for `lines`, metres. */
export function infoHeight(lines: InfoLines): number {
  return PAD * 2 + TITLE + (lines.subtitle ? ROW : 0) + lines.rows.length * ROW + ROW;
}

export function drawInfo(panel: CanvasPanel, lines: InfoLines): void {
  const w = INFO_WIDTH * K;
  const h = infoHeight(lines);
  const ctx = panel.begin(INFO_WIDTH, h);
  const pad = PAD * K;
  const row = ROW * K;
  ctx.fillStyle = 'rgba(250, 252, 253, 0.96)';
  roundRect(ctx, 0, 0, w, h * K, 0.02 * K);
  ctx.fill();
  ctx.textBaseline = 'middle';
  let y = pad + (TITLE * K) / 2;
  ctx.fillStyle = '#12202c';
  ctx.font = font(0.028, 600);
  ctx.fillText(fitText(ctx, lines.title, w - 2 * pad - INFO_CLOSE * K), pad, y);
  ctx.fillStyle = '#5b6b75';
  ctx.fillText('×', w - pad - 0.025 * K, y);
  y += (TITLE * K) / 2 + row / 2;
  ctx.font = font(0.02);
  if (lines.subtitle) {
    ctx.fillStyle = '#43606f';
    ctx.fillText(fitText(ctx, lines.subtitle, w - 2 * pad), pad, y);
    y += row;
  }
  // the key column is as wide as its widest key (short plan symbols leave the text more room)
  let widest = 0;
  for (const [k] of lines.rows) widest = Math.max(widest, ctx.measureText(k).width);
  const keyW = Math.min(0.16 * K, Math.max(0.05 * K, widest + 0.015 * K));
  for (const [k, v] of lines.rows) {
    ctx.fillStyle = '#43606f';
    ctx.fillText(fitText(ctx, k, keyW - 0.01 * K), pad, y);
    ctx.fillStyle = '#12202c';
    ctx.fillText(fitText(ctx, v, w - 2 * pad - keyW), pad + keyW, y);
    y += row;
  }
  ctx.fillStyle = '#5b6b75';
  ctx.font = font(0.017);
  ctx.fillText(lines.footer, pad, y);
  panel.end();
}
