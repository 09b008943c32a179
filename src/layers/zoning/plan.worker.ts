/// <reference lib="webworker" />
/** Web Worker entry: loads, parses, triangulates and indexes a plan off the main thread. */
import { transferablesOf } from './mesh-buffers';
import { transferablesOfIndex } from './plan-index';
import { loadPlan, type PlanLoadRequest } from './plan-load';

self.onmessage = async (e: MessageEvent<PlanLoadRequest>) => {
  try {
    const result = await loadPlan(e.data);
    const g = result.geometry;
    const transfer = [...g.drape.flatMap((b) => transferablesOf(b.mesh)), ...transferablesOf(g.envelopes), g.envelopeEdges.buffer as ArrayBuffer, g.labels.anchors.buffer as ArrayBuffer, g.labels.text.buffer as ArrayBuffer, g.labels.clearance.buffer as ArrayBuffer, ...transferablesOfIndex(result.index)];
    (self as unknown as Worker).postMessage({ ok: true, result }, transfer);
  } catch (err) {
    (self as unknown as Worker).postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};

// a request that cannot be deserialised still gets an answer, so the layer does not wait for ever
self.onmessageerror = () => {
  (self as unknown as Worker).postMessage({ ok: false, message: 'the plan request could not be read by the worker' });
};
