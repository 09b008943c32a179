/**
 * Runs `loadPlan` in a dedicated Web Worker (earcut over thousands of polygons stays off the
 * main thread), falling back to the same code in place where workers are unavailable.
 */
import type { PlanLoadRequest, PlanLoadResult } from './plan-load';

type Reply = { ok: true; result: PlanLoadResult } | { ok: false; message: string };

/** Loads a plan; `cancel()` terminates the worker and rejects with an `AbortError`-named error. */
export function loadPlanOffThread(req: PlanLoadRequest): { promise: Promise<PlanLoadResult>; cancel(): void } {
  if (typeof Worker === 'undefined') {
    let cancelled = false;
    // loaded lazily, so the parsers stay out of the main bundle (they live in the worker's)
    const promise = import('./plan-load').then(({ loadPlan }) => loadPlan(req)).then((r) => {
      if (cancelled) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
      return r;
    });
    return { promise, cancel: () => void (cancelled = true) };
  }
  const worker = new Worker(new URL('./plan.worker.ts', import.meta.url), { type: 'module', name: 'zoning-plan' });
  let reject: (e: Error) => void = () => {};
  const promise = new Promise<PlanLoadResult>((resolve, rej) => {
    reject = rej;
    worker.onmessage = (e: MessageEvent<Reply>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.result);
      else rej(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      rej(new Error(`the plan worker failed (${e.message || 'unknown error'})`));
    };
    worker.onmessageerror = () => {
      worker.terminate();
      rej(new Error("the plan worker's reply could not be read (it could not be deserialised)"));
    };
    worker.postMessage(req);
  });
  return {
    promise,
    cancel() {
      worker.terminate();
      reject(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
    },
  };
}
