/**
 * The plan worker's failures reach the layer: a crash, an error reply, and a reply that cannot
 * be read (`messageerror`) all reject with a message and terminate the worker. A stand-in
 * Worker records what the loader does with it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadPlanOffThread } from '../../../../src/layers/zoning/load-off-thread';
import type { PlanLoadRequest } from '../../../../src/layers/zoning/plan-load';

class FakeWorker {
  static last: FakeWorker | null = null;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  posted: unknown[] = [];
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(data: unknown): void {
    this.posted.push(data);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const REQUEST: PlanLoadRequest = { url: 'https://plans.example/plan.json', format: 'auto', origin: { lon: 17.9, lat: 62.6, height: 28 }, groundHeight: 28, drapeRange: 25 };

/** The outcome of a promise within `ms`, or 'pending'. */
function outcome(p: Promise<unknown>, ms = 200): Promise<string> {
  return Promise.race([p.then(() => 'resolved', (e: Error) => `rejected: ${e.message}`), new Promise<string>((r) => setTimeout(() => r('pending'), ms))]);
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.last = null;
});

describe('loadPlanOffThread', () => {
  it('should reject with a message and end the worker when its reply cannot be read', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const job = loadPlanOffThread(REQUEST);
    const worker = FakeWorker.last!;
    expect(worker.posted).toEqual([REQUEST]);
    worker.onmessageerror?.(new MessageEvent('messageerror'));
    expect(await outcome(job.promise)).toMatch(/^rejected: the plan worker's reply could not be read/);
    expect(worker.terminated).toBe(true);
  });

  it('should reject with the reason of an error reply, and of a crash', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const replied = loadPlanOffThread(REQUEST);
    FakeWorker.last!.onmessage?.(new MessageEvent('message', { data: { ok: false, message: 'the plan is not valid JSON' } }));
    expect(await outcome(replied.promise)).toBe('rejected: the plan is not valid JSON');
    const crashed = loadPlanOffThread(REQUEST);
    FakeWorker.last!.onerror?.({ message: 'out of memory' } as ErrorEvent);
    expect(await outcome(crashed.promise)).toBe('rejected: the plan worker failed (out of memory)');
    expect(FakeWorker.last!.terminated).toBe(true);
  });
});
