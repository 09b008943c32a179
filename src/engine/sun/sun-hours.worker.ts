/// <reference lib="webworker" />
/** Web Worker entry: computes sun hours off the main thread and reports how long it took. */
import { computeSunHours, type SunHoursInput } from './sun-hours';

self.onmessage = (e: MessageEvent<SunHoursInput>) => {
  try {
    const start = performance.now();
    const grid = computeSunHours(e.data);
    const ms = performance.now() - start;
    const transfer = [grid.groundY.buffer as ArrayBuffer, ...Object.values(grid.hours).map((h) => h.buffer as ArrayBuffer)];
    (self as unknown as Worker).postMessage({ ok: true, grid, ms }, transfer);
  } catch (err) {
    (self as unknown as Worker).postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
