/**
 * Runs `computeSunHours` in a dedicated Web Worker, falling back to the same code in place
 * where workers are unavailable. Resolves with the grid and the computation time (ms, measured
 * where it ran).
 */
import type { SunHoursGrid, SunHoursInput } from './sun-hours';

type Reply = { ok: true; grid: SunHoursGrid; ms: number } | { ok: false; message: string };

export function runSunHours(input: SunHoursInput): { promise: Promise<{ grid: SunHoursGrid; ms: number }>; cancel(): void } {
  if (typeof Worker === 'undefined') {
    const promise = import('./sun-hours').then(({ computeSunHours }) => {
      const start = performance.now();
      const grid = computeSunHours(input);
      return { grid, ms: performance.now() - start };
    });
    return { promise, cancel: () => {} };
  }
  const worker = new Worker(new URL('./sun-hours.worker.ts', import.meta.url), { type: 'module', name: 'sun-hours' });
  let reject: (e: Error) => void = () => {};
  const promise = new Promise<{ grid: SunHoursGrid; ms: number }>((resolve, rej) => {
    reject = rej;
    worker.onmessage = (e: MessageEvent<Reply>) => {
      worker.terminate();
      if (e.data.ok) resolve({ grid: e.data.grid, ms: e.data.ms });
      else rej(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      rej(new Error(`the sun-hours worker failed (${e.message || 'unknown error'})`));
    };
    worker.postMessage(input, [...input.sides.flatMap((s) => [s.solid.buffer as ArrayBuffer, s.ground.buffer as ArrayBuffer]), input.suns.buffer as ArrayBuffer]);
  });
  return {
    promise,
    cancel() {
      worker.terminate();
      reject(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
    },
  };
}
