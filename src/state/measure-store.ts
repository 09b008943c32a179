/**
 * Measuring: the mode (distance between two points, height of a point above the ground, area
 * of a polygon on the ground) and the points picked so far, in the scene frame (metres, x east,
 * y up, z south). Shared by the desktop tool, taps on the canvas, the XR ray, the scene's
 * drawing and `window.twin.measure()`. Pure data; the figures come from `measureFigures`.
 */
import { createStore } from 'zustand/vanilla';

export type MeasureMode = 'distance' | 'height' | 'area';

export const MEASURE_MODES: readonly MeasureMode[] = ['distance', 'height', 'area'];

/** A picked point: where the ray met a surface, and the ground's height below it (scene frame). */
export interface MeasurePoint {
  x: number;
  y: number;
  z: number;
  /** Height (scene y) of the ground under the point, metres. */
  groundY: number;
}

export interface MeasureState {
  /** The active tool, or `null`: taps and the XR trigger pick features as usual. */
  mode: MeasureMode | null;
  points: MeasurePoint[];
  /** Whether the area's polygon is finished (a new point then starts a new one). */
  closed: boolean;
  setMode(mode: MeasureMode | null): void;
  /** Adds a picked point as the mode asks: a third distance point or a second height point starts over. */
  addPoint(p: MeasurePoint): void;
  /** Finishes the polygon (needs three points). */
  close(): void;
  /** Removes the last point. */
  undo(): void;
  clear(): void;
}

/** Points a mode uses before starting over. */
const CAPACITY: Record<MeasureMode, number> = { distance: 2, height: 1, area: Infinity };

export function createMeasureStore() {
  return createStore<MeasureState>()((set, get) => ({
    mode: null,
    points: [],
    closed: false,
    setMode: (mode) => {
      if (mode !== get().mode) set({ mode, points: [], closed: false });
    },
    addPoint: (p) => {
      const { mode, points, closed } = get();
      if (!mode) return;
      const full = points.length >= CAPACITY[mode] || (mode === 'area' && closed);
      set({ points: full ? [p] : [...points, p], closed: false });
    },
    close: () => {
      const { mode, points } = get();
      if (mode === 'area' && points.length >= 3) set({ closed: true });
    },
    undo: () => set((s) => ({ points: s.points.slice(0, -1), closed: false })),
    clear: () => set({ points: [], closed: false }),
  }));
}

export type MeasureStore = ReturnType<typeof createMeasureStore>;

/** What a measurement comes to, in metres and square metres (scene-frame tangent plane). */
export interface MeasureFigures {
  /** Distance mode, with two points. */
  distance?: {
    /** Straight line between the points. */
    straight: number;
    /** Along the ground plane (east–north). */
    horizontal: number;
    /** Height difference, second point minus first. */
    vertical: number;
  };
  /** Height mode: the point above the ground under it. */
  height?: { aboveGround: number };
  /** Area mode, with three or more points: the polygon projected on the ground plane. */
  area?: { area: number; perimeter: number };
}

/**
 * The figures of a measurement. Horizontal figures are taken in the scene's tangent plane at
 * its origin: within 2 km of it the error is under 0.1 mm per metre.
 */
export function measureFigures(mode: MeasureMode | null, points: readonly MeasurePoint[], closed = true): MeasureFigures {
  if (mode === 'distance' && points.length === 2) {
    const [a, b] = points as [MeasurePoint, MeasurePoint];
    const horizontal = Math.hypot(b.x - a.x, b.z - a.z);
    const vertical = b.y - a.y;
    return { distance: { straight: Math.hypot(horizontal, vertical), horizontal, vertical } };
  }
  if (mode === 'height' && points.length === 1) return { height: { aboveGround: points[0]!.y - points[0]!.groundY } };
  if (mode === 'area' && points.length >= 3) {
    let twice = 0;
    let perimeter = 0;
    for (let i = 0; i < points.length; i++) {
      const a = points[i]!;
      const b = points[(i + 1) % points.length]!;
      twice += a.x * b.z - b.x * a.z;
      if (closed || i < points.length - 1) perimeter += Math.hypot(b.x - a.x, b.z - a.z);
    }
    return { area: { area: Math.abs(twice) / 2, perimeter } };
  }
  return {};
}
