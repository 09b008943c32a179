/**
 * Colours of the sun-hours map and its legend: whole-hour classes from deep indigo (no direct
 * sun) through red and orange to pale yellow (sun all day), a sequential ramp that reads in
 * order for people with colour-vision deficiencies and in greyscale.
 */

const STOPS: readonly [number, number, number][] = [
  [35, 16, 74],
  [91, 42, 134],
  [162, 59, 127],
  [224, 96, 74],
  [247, 162, 59],
  [253, 231, 76],
];

/** The top of the scale for a day: its length in whole hours (at least 1). */
export function hoursScale(dayLength: number): number {
  return Math.max(1, Math.ceil(dayLength - 1e-6));
}

/** RGB (0–255) of `hours` of sun on a scale up to `max` hours; whole-hour classes. */
export function sunHoursColour(hours: number, max: number): [number, number, number] {
  const cls = Math.min(max, Math.max(0, Math.floor(hours + 1e-6)));
  const t = max <= 0 ? 0 : cls / max;
  const f = t * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(f));
  const u = f - i;
  const a = STOPS[i]!;
  const b = STOPS[i + 1]!;
  return [Math.round(a[0] + (b[0] - a[0]) * u), Math.round(a[1] + (b[1] - a[1]) * u), Math.round(a[2] + (b[2] - a[2]) * u)];
}

/** Hour marks for a legend up to `max` hours: every hour up to 8, else every 2 or 4. */
export function legendTicks(max: number): number[] {
  const step = max <= 8 ? 1 : max <= 16 ? 2 : 4;
  const out: number[] = [];
  for (let h = 0; h <= max; h += step) out.push(h);
  if (out[out.length - 1] !== max) out.push(max);
  return out;
}
