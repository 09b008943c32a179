/** Draws the menu layout onto a canvas panel: headers, toggles with a check box, buttons, values. */
import type { MenuLayout } from '../menu/menu-layout';
import { fitText, font, PX_PER_METRE as K, roundRect, type CanvasPanel } from './canvas-panel';

export function drawMenu(panel: CanvasPanel, layout: MenuLayout, hoveredId: string | null): void {
  const ctx = panel.begin(layout.width, layout.height);
  ctx.fillStyle = 'rgba(18, 32, 44, 0.92)';
  roundRect(ctx, 0, 0, layout.width * K, layout.height * K, 0.02 * K);
  ctx.fill();
  ctx.textBaseline = 'middle';
  for (const cell of layout.cells) {
    const { item } = cell;
    const x = cell.x * K;
    const y = cell.y * K;
    const w = cell.w * K;
    const h = cell.h * K;
    const midY = y + h / 2;
    if (item.kind === 'header') {
      ctx.fillStyle = '#9fc3d6';
      ctx.font = font(0.02, 600);
      ctx.fillText(fitText(ctx, item.label.toUpperCase(), w), x, midY + 0.004 * K);
      continue;
    }
    if (item.kind === 'value') {
      ctx.fillStyle = '#ffffff';
      ctx.font = font(0.022, 600);
      ctx.textAlign = 'center';
      ctx.fillText(fitText(ctx, item.label, w), x + w / 2, midY);
      ctx.textAlign = 'left';
      continue;
    }
    const enabled = item.action !== null;
    ctx.fillStyle = item.id === hoveredId && enabled ? '#2f6f8f' : enabled ? 'rgba(255, 255, 255, 0.08)' : 'rgba(255, 255, 255, 0.03)';
    roundRect(ctx, x, y + 0.003 * K, w, h - 0.006 * K, 0.008 * K);
    ctx.fill();
    let textX = x + (0.012 + (item.indent ? 0.02 : 0)) * K;
    if (item.kind === 'toggle') {
      const s = 0.022 * K;
      ctx.strokeStyle = '#e8f1f5';
      ctx.lineWidth = 0.0025 * K;
      roundRect(ctx, textX, midY - s / 2, s, s, 0.004 * K);
      ctx.stroke();
      if (item.checked) {
        const inset = 0.004 * K;
        ctx.fillStyle = '#6fd08c';
        roundRect(ctx, textX + inset, midY - s / 2 + inset, s - 2 * inset, s - 2 * inset, 0.003 * K);
        ctx.fill();
      }
      textX += s + 0.012 * K;
    }
    ctx.fillStyle = enabled ? '#ffffff' : '#7f919c';
    ctx.font = font(0.022);
    if (item.span && item.kind === 'button') {
      // a button sharing its row: centred
      ctx.textAlign = 'center';
      ctx.fillText(fitText(ctx, item.label, w - 0.012 * K), x + w / 2, midY);
      ctx.textAlign = 'left';
    } else ctx.fillText(fitText(ctx, item.label, x + w - textX - 0.01 * K), textX, midY);
  }
  panel.end();
}
