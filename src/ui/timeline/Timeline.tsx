/**
 * The timeline: the scene's times in order (e.g. 1880 · 2026 Idag · 2030 Förslag) on a rail,
 * shown when any layer has a time. Tap or click a year to go there (the maps crossfade); drag
 * the handle, or the rail, to fade between neighbouring years by hand, and let go to settle
 * on the nearest; ←/→ (Home/End) step when the handle has focus. Every target is at least
 * 44 px for the library's touchscreens. In a comparison's swipe view both of its times are marked.
 */
import { useLayoutEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useStore } from 'zustand';
import { useRuntime } from '../../scene/runtime-context';
import { sceneComparisons, findComparison } from '../../state/compare-store';
import { sceneTimeline } from '../../state/timeline';
import { CROSSFADE_MS } from '../../state/timeline-store';
import { sideStep } from '../../state/time-comparisons';
import { uiStore } from '../../state/ui-store';
import { useT } from '../i18n';
import './timeline.css';

/** Pixels between the timeline, the credits under it and the layer list above it (phones). */
const GAP = 8;

/**
 * Keeps the timeline clear of the credits under it, however many lines they wrap to, and
 * tells the page how much room the two take at the bottom (`--timeline-clearance` on `.app`,
 * which the phone layout gives the layer list).
 */
function useBottomClearance(section: { current: HTMLElement | null }, deps: unknown[]): void {
  useLayoutEffect(() => {
    const el = section.current;
    const app = el?.closest<HTMLElement>('.app');
    if (!el || !app) return;
    const place = () => {
      const credits = app.querySelector<HTMLElement>('.attribution');
      const below = credits ? app.getBoundingClientRect().bottom - credits.getBoundingClientRect().top + GAP : GAP;
      el.style.bottom = `${Math.round(below)}px`;
      app.style.setProperty('--timeline-clearance', `${Math.round(below + el.offsetHeight + GAP)}px`);
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(app);
    const credits = app.querySelector('.attribution');
    if (credits) observer.observe(credits);
    return () => {
      observer.disconnect();
      app.style.removeProperty('--timeline-clearance');
    };
  }, deps); // eslint-disable-line react-hooks/exhaustive-deps
}

/** Where step `i` of `n` sits along the rail, percent (the ends keep room for their labels). */
function at(i: number, n: number): number {
  return n <= 1 ? 50 : 8 + (84 * i) / (n - 1);
}

export function Timeline() {
  const rt = useRuntime();
  const t = useT();
  const doc = useStore(rt.scene, (s) => s.doc);
  const step = useStore(rt.timeline, (s) => s.step);
  const drag = useStore(rt.timeline, (s) => s.drag);
  const duration = useStore(rt.timeline, (s) => s.duration);
  const activeId = useStore(rt.compare, (s) => s.activeId);
  const mode = useStore(rt.compare, (s) => s.mode);
  const lang = useStore(uiStore, (s) => s.lang);
  const rail = useRef<HTMLDivElement>(null);
  const section = useRef<HTMLElement>(null);
  const dragging = useRef<number | null>(null);
  const timeline = sceneTimeline(doc);
  useBottomClearance(section, [timeline, step, activeId, mode, lang]);
  if (!timeline) return null;
  const n = timeline.steps.length;
  const last = n - 1;

  // the two times of a comparison being swiped
  const swiped = new Set<number>();
  const compared = mode === 'swipe' ? findComparison(sceneComparisons(doc), activeId) : null;
  if (compared?.before.time !== undefined) {
    for (const side of ['before', 'after'] as const) {
      const s = sideStep(doc, compared, side);
      if (s !== null) swiped.add(s);
    }
  }

  const positionAt = (clientX: number): number => {
    const r = rail.current?.getBoundingClientRect();
    if (!r || r.width === 0 || last === 0) return 0;
    const pct = ((clientX - r.left) / r.width) * 100;
    return Math.min(last, Math.max(0, ((pct - 8) / 84) * last));
  };
  const go = (i: number) => rt.timeline.getState().setStep(Math.min(last, Math.max(0, i)));
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    if ((e.target as HTMLElement).closest('.timeline-step')) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    dragging.current = e.pointerId;
    rt.timeline.getState().setDrag(positionAt(e.clientX));
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging.current !== e.pointerId) return;
    e.preventDefault();
    rt.timeline.getState().setDrag(positionAt(e.clientX));
  };
  const onPointerEnd = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging.current !== e.pointerId) return;
    dragging.current = null;
    const s = rt.timeline.getState();
    const p = s.drag ?? s.step;
    const target = Math.round(p);
    s.setStep(target, CROSSFADE_MS * Math.abs(target - p));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const to: Record<string, number> = { ArrowLeft: step - 1, ArrowDown: step - 1, ArrowRight: step + 1, ArrowUp: step + 1, Home: 0, End: last };
    const next = to[e.key];
    if (next === undefined) return;
    e.preventDefault();
    go(next);
  };

  const current = timeline.steps[step] ?? timeline.steps[0]!;
  const name = (s: { time: string; label: string }) => (s.label === s.time ? s.time : `${s.time} · ${s.label}`);
  // in a comparison's swipe view the title names both halves, left | right
  const title = swiped.size === 2 ? [...swiped].sort((a, b) => a - b).map((i) => name(timeline.steps[i]!)).join(' | ') : name(current);
  const shown = drag ?? step;
  const moving = drag === null ? { transition: `left ${duration}ms ease-in-out, width ${duration}ms ease-in-out` } : { transition: 'none' };
  return (
    <section className="panel timeline" ref={section} aria-label={t('timeline')} data-testid="timeline">
      <h2 className="timeline-title">
        {t('timeline')}: <span className="timeline-now">{title}</span>
      </h2>
      <div
        className="timeline-rail"
        ref={rail}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
        onLostPointerCapture={onPointerEnd}
      >
        <div className="timeline-line" aria-hidden="true" />
        <div className="timeline-fill" aria-hidden="true" style={{ width: `${at(shown, n) - at(0, n)}%`, ...moving }} />
        {timeline.steps.map((s, i) => (
          <button
            key={s.day}
            type="button"
            className={`timeline-step${i === step ? ' is-current' : ''}${swiped.has(i) ? ' is-swiped' : ''}`}
            style={{ left: `${at(i, n)}%` }}
            aria-pressed={i === step}
            onClick={() => go(i)}
          >
            <span className="timeline-year">{s.time}</span>
            {s.label !== s.time ? <span className="timeline-label">{s.label}</span> : null}
          </button>
        ))}
        <div
          className="timeline-handle"
          role="slider"
          tabIndex={0}
          aria-label={t('timelineSlider')}
          aria-valuemin={0}
          aria-valuemax={last}
          aria-valuenow={step}
          aria-valuetext={name(current)}
          title={t('timelineSlider')}
          style={{ left: `${at(shown, n)}%`, ...moving }}
          onKeyDown={onKeyDown}
        />
      </div>
    </section>
  );
}
