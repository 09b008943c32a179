/**
 * A sun-hours computation for an area: gathers the scene's triangles for each side of the
 * active comparison (today, the proposal) or the scene as drawn, the sun's positions through
 * the study's day, runs the computation off the main thread and puts the result in the
 * runtime's sun-hours store.
 */
import { toLocalTime } from '../../geo';
import { findComparison, sceneComparisons } from '../../state/compare-store';
import { shownOnComparisonSide } from '../../state/time-comparisons';
import { SUNNY_HOURS, type SunHoursResult, type SunHoursSideResult } from '../../state/sun-hours-store';
import type { Runtime } from '../runtime';
import { groundPlaneY } from '../measure/measure-pick';
import { polygonBounds, summariseHours, type SunHoursSide } from './sun-hours';
import { collectTriangles, dayLength, sunSchedule } from './sun-hours-input';
import { runSunHours } from './sun-hours-run';

/** Obstacles are looked for this far around the area, metres (a 20 m building's shadow at 4°). */
export const SUN_HOURS_REACH = 300;
/** At most this many sample points; larger areas are sampled more coarsely. */
const MAX_SAMPLES = 4_000;
/** Largest area accepted, square metres (1 km²). */
const MAX_AREA = 1_000_000;

function polygonArea(polygon: readonly (readonly [number, number])[]): number {
  let twice = 0;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    twice += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(twice) / 2;
}

/** Computes the sun hours of `polygon` (scene frame `[x, z]`) on the study's day; rejects with a clear message. */
export async function computeAreaSunHours(rt: Runtime, polygon: [number, number][]): Promise<SunHoursResult> {
  const started = performance.now();
  const store = rt.sunHours.getState();
  try {
    if (polygon.length < 3) throw new Error('sun hours: mark an area of at least three corners');
    const area = polygonArea(polygon);
    if (!(area >= 1)) throw new Error('sun hours: the area is empty');
    if (area > MAX_AREA) throw new Error(`sun hours: the area is ${Math.round(area / 10_000) / 100} km²; mark at most 1 km²`);
    store.setComputing();
    const doc = rt.scene.getState().doc;
    const { time } = rt.sun.getState();
    const place = rt.sunPlace();
    const spacing = Math.min(5, Math.max(0.5, Math.sqrt(area / MAX_SAMPLES)));
    const cell = Math.min(1, Math.max(0.5, spacing / 2));
    const { minX, minZ, maxX, maxZ } = polygonBounds(polygon);
    const bounds = { minX: minX - SUN_HOURS_REACH, minZ: minZ - SUN_HOURS_REACH, maxX: maxX + SUN_HOURS_REACH, maxZ: maxZ + SUN_HOURS_REACH };

    // the sides: the active comparison's two (a comparison of times lists each time's layers), else the scene as drawn
    const comparison = findComparison(sceneComparisons(doc), rt.compare.getState().activeId);
    const sideIds = comparison ? (['before', 'after'] as const) : (['now'] as const);
    const layers = doc?.layers ?? [];
    const sides: SunHoursSide[] = [];
    let triangles = 0;
    for (const id of sideIds) {
      const solidRoots = [];
      const groundRoots = [];
      for (const layer of layers) {
        const handle = rt.engine.layer(layer.id);
        if (!handle?.setShadows || !layer.visible) continue;
        if (id !== 'now' && !shownOnComparisonSide(doc, comparison!, layer.id, id)) continue;
        if (id === 'now' && rt.engine.timeline && !rt.engine.timeline.shown(layer.id)) continue;
        solidRoots.push(handle.object);
        // tilesets that plans drape onto are the ground; `receivesDrape: false` marks buildings
        if ((layer as { receivesDrape?: boolean }).receivesDrape !== false) groundRoots.push(handle.object);
      }
      const solid = collectTriangles(solidRoots, bounds);
      const ground = collectTriangles(groundRoots, { minX, minZ, maxX, maxZ });
      triangles += solid.length / 9;
      sides.push({ id, solid, ground });
    }
    const suns = sunSchedule(time, place.lon, place.lat, place.timeZone);
    const { grid, ms } = await runSunHours({ polygon, spacing, cell, reach: SUN_HOURS_REACH, groundFallback: groundPlaneY(doc), suns, sides }).promise;
    const names: Record<string, string> = { before: comparison?.before.name ?? '', after: comparison?.after.name ?? '', now: doc?.title ?? '' };
    const sideResults: SunHoursSideResult[] = sideIds.map((id) => {
      const s = summariseHours(grid.hours[id]!, SUNNY_HOURS);
      return { id, name: names[id]!, mean: s.mean, min: s.min, max: s.max, sunnyShare: s.shareAtLeast, open: s.open };
    });
    const local = toLocalTime(time, place.timeZone);
    const result: SunHoursResult = {
      date: `${local.year}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`,
      polygon: polygon.map(([x, z]) => [x, z]),
      grid,
      sides: sideResults,
      dayLength: dayLength(time, place.lon, place.lat, place.timeZone),
      samples: grid.samples,
      triangles,
      computeMs: ms,
      totalMs: performance.now() - started,
    };
    rt.sunHours.getState().setResult(result);
    return result;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    rt.sunHours.getState().setError(message);
    throw e instanceof Error ? e : new Error(message);
  }
}
