/**
 * The swipe divider over the 3D view: a vertical line at the store's `split` with a large
 * handle, dragged with mouse, pen or touch, or moved with ←/→ (Shift: larger steps),
 * PageUp/PageDown, Home/End when focused. The before side's name sits left of the line, the
 * after side's right of it. Its pointer and key events never reach the camera controller:
 * the hit strip lies above the canvas, and handled keys are `preventDefault`ed, which the
 * controller respects.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useStore } from 'zustand';
import { useRuntime } from '../scene/runtime-context';
import { useT } from './i18n';

const STEP = 0.02;
const BIG_STEP = 0.1;

export function SwipeDivider({ before, after }: { before: string; after: string }) {
  const rt = useRuntime();
  const t = useT();
  const split = useStore(rt.compare, (s) => s.split);
  const overlay = useRef<HTMLDivElement>(null);
  const dragging = useRef<number | null>(null);

  const moveTo = (clientX: number) => {
    const rect = overlay.current?.getBoundingClientRect();
    if (rect && rect.width > 0) rt.compare.getState().setSplit((clientX - rect.left) / rect.width);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus({ preventScroll: true });
    dragging.current = e.pointerId;
    moveTo(e.clientX);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging.current !== e.pointerId) return;
    e.preventDefault();
    moveTo(e.clientX);
  };
  const onPointerEnd = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging.current !== e.pointerId) return;
    dragging.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? BIG_STEP : STEP;
    const s = rt.compare.getState();
    const to: Record<string, number> = {
      ArrowLeft: s.split - step,
      ArrowDown: s.split - step,
      ArrowRight: s.split + step,
      ArrowUp: s.split + step,
      PageDown: s.split - BIG_STEP,
      PageUp: s.split + BIG_STEP,
      Home: 0,
      End: 1,
    };
    const next = to[e.key];
    if (next === undefined) return;
    e.preventDefault();
    s.setSplit(Math.round(next * 1000) / 1000);
  };

  const percent = Math.round(split * 100);
  return (
    <div className="compare-swipe" ref={overlay} data-testid="compare-swipe">
      <div className="swipe-line" style={{ left: `${split * 100}%` }}>
        <span className="swipe-label swipe-label-before">{before}</span>
        <span className="swipe-label swipe-label-after">{after}</span>
        <div
          className="swipe-handle"
          role="slider"
          tabIndex={0}
          aria-label={t('swipeDivider')}
          aria-orientation="horizontal"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${before} ${percent} % · ${after} ${100 - percent} %`}
          title={t('swipeDivider')}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerEnd}
          onPointerCancel={onPointerEnd}
          onLostPointerCapture={onPointerEnd}
          onKeyDown={onKeyDown}
        >
          <span className="swipe-grip" aria-hidden="true">
            ◀▶
          </span>
        </div>
      </div>
    </div>
  );
}
