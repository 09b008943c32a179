/**
 * The sun-hours map: the area a planner marked, the last result (hours of direct sun per point
 * on the study's day, for today and the proposal when the scene compares them) and whether a
 * computation is running. Read by the sun panel, the scene overlay and `window.twin`.
 */
import { createStore } from 'zustand/vanilla';

/** Hours of direct sun at least this many count as "sunny" in the summary. */
export const SUNNY_HOURS = 5;

export interface SunHoursSideResult {
  /** `before` and `after` of the active comparison, or `now` without one. */
  id: 'before' | 'after' | 'now';
  name: string;
  /** Mean, least and most hours over the open area (points under buildings left out). */
  mean: number;
  min: number;
  max: number;
  /** Share (0–1) of the open area with at least `SUNNY_HOURS` hours. */
  sunnyShare: number;
  /** Sample points in the open area. */
  open: number;
}

export interface SunHoursResult {
  /** The study's day, ISO 8601 local date (`2026-03-20`). */
  date: string;
  /** The area's outline, scene frame `[x, z]` metres. */
  polygon: [number, number][];
  grid: {
    x0: number;
    z0: number;
    spacing: number;
    nx: number;
    nz: number;
    groundY: Float32Array;
    hours: Record<string, Float32Array>;
  };
  sides: SunHoursSideResult[];
  /** Hours between sunrise and sunset that day. */
  dayLength: number;
  /** Sample points inside the area. */
  samples: number;
  /** Triangles of the scene used (all sides together). */
  triangles: number;
  /** Milliseconds of the computation in the worker, and from the request to the result. */
  computeMs: number;
  totalMs: number;
}

export interface SunHoursState {
  status: 'idle' | 'computing' | 'done' | 'error';
  result: SunHoursResult | null;
  error: string | null;
  /** Whether the map is drawn in the scene. */
  shown: boolean;
  setComputing(): void;
  setResult(result: SunHoursResult): void;
  setError(message: string): void;
  setShown(shown: boolean): void;
  clear(): void;
}

export function createSunHoursStore() {
  return createStore<SunHoursState>()((set) => ({
    status: 'idle',
    result: null,
    error: null,
    shown: true,
    setComputing: () => set({ status: 'computing', error: null }),
    setResult: (result) => set({ status: 'done', result, error: null, shown: true }),
    setError: (error) => set({ status: 'error', error }),
    setShown: (shown) => set({ shown }),
    clear: () => set({ status: 'idle', result: null, error: null }),
  }));
}

export type SunHoursStore = ReturnType<typeof createSunHoursStore>;
