/**
 * Where the timeline is: the step it stands at (or is moving to), and, while a finger or the
 * mouse drags the control, the position under it. The steps themselves come from the scene
 * document (`sceneTimeline`); the engine's timeline reader moves the drawn position towards
 * the step, crossfading, and per-frame code reads it there.
 */
import { createStore } from 'zustand/vanilla';

/** How long moving one step crossfades, milliseconds. */
export const CROSSFADE_MS = 700;

export interface TimelineState {
  /** Index of the step the timeline is at or moving to; 0 when the scene has no timeline. */
  step: number;
  /** While the control is dragged: the position under the pointer, a fractional step index; else `null`. */
  drag: number | null;
  /** How long the move to `step` takes, milliseconds (0 jumps). */
  duration: number;
  /** Increments with every move, so a move to the step already set still restarts cleanly. */
  move: number;
  /** Moves to `step`, crossfading over `duration` ms (default `CROSSFADE_MS` a step). */
  setStep(step: number, duration?: number): void;
  setDrag(position: number | null): void;
  /** Jumps to `step` without crossfading (a newly loaded scene). */
  reset(step: number): void;
}

export type TimelineStore = ReturnType<typeof createTimelineStore>;

export function createTimelineStore() {
  return createStore<TimelineState>()((set, get) => ({
    step: 0,
    drag: null,
    duration: 0,
    move: 0,
    setStep: (step, duration) => {
      if (!Number.isInteger(step) || step < 0) return;
      const s = get();
      const ms = duration ?? CROSSFADE_MS * Math.max(1, Math.abs(step - (s.drag ?? s.step)));
      set({ step, drag: null, duration: Math.max(0, ms), move: s.move + 1 });
    },
    setDrag: (position) => {
      if (position !== null && !Number.isFinite(position)) return;
      set({ drag: position });
    },
    reset: (step) => set((s) => ({ step, drag: null, duration: 0, move: s.move + 1 })),
  }));
}
