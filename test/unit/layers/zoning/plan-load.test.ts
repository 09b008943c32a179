/**
 * `loadPlan`, the pipeline the plan worker runs (and the main thread, where there is no worker):
 * fetch, parse, mesh and index, with everything the main thread needs in transferable form.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadPlan } from '../../../../src/layers/zoning/plan-load';
import { PlanIndex, transferablesOfIndex } from '../../../../src/layers/zoning/plan-index';
import { planWideNgp } from '../../../../tools/fixtures/hostile-plans';
import { streamedResponse } from '../../sources/streamed-response';

const URL_ = 'https://plans.example/plan-wide.json';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('loadPlan', () => {
  it('should build the plan index with the meshes, ready to transfer to the main thread', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(planWideNgp(500)), { status: 200 })));
    const result = await loadPlan({ url: URL_, format: 'auto', origin: { lon: 17.9379, lat: 62.6323, height: 0 }, groundHeight: 0, drapeRange: 25 });
    const transfer = transferablesOfIndex(result.index);
    expect(transfer.length).toBe(4);
    const copy = structuredClone(result, { transfer });
    const index = new PlanIndex(copy.doc, copy.index);
    const b = copy.doc.provisions.find((p) => p.id === 'b')!.geometry.polygons[0]![0]!;
    const [lon, lat] = [(b[0]![0] + b[2]![0]) / 2, (b[0]![1] + b[2]![1]) / 2];
    expect(index.at(lon, lat).provisions).toHaveLength(501);
  });

  it('should refuse a plan larger than the plan limit before reading it, naming the limit', async () => {
    const { response, pulled } = streamedResponse({ headers: { 'content-length': String(100 * 1_048_576) } });
    vi.stubGlobal('fetch', vi.fn(async () => response));
    await expect(loadPlan({ url: URL_, format: 'auto', origin: { lon: 17.9379, lat: 62.6323, height: 0 }, groundHeight: 0, drapeRange: 25 })).rejects.toThrow(
      `The plan at ${URL_} is 100 MiB, larger than 64 MiB (the limit for a plan); it was not read.`,
    );
    expect(pulled()).toBeLessThanOrEqual(65_536);
  });
});
