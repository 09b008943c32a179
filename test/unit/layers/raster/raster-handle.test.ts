import { describe, expect, it, vi } from 'vitest';
import { createSceneFrame } from '../../../../src/geo';
import { createRasterHandle } from '../../../../src/layers/raster/raster-handle';
import type { RasterBuild } from '../../../../src/layers/raster/raster-build';
import { TileLog } from '../../../../src/layers/raster/tile-log';

const frame = createSceneFrame({ lon: 17.9379, lat: 62.6323, height: 28 });

function build(log = new TileLog()): RasterBuild {
  const bounds = [17.93 * (Math.PI / 180), 62.63 * (Math.PI / 180), 17.94 * (Math.PI / 180), 62.64 * (Math.PI / 180)];
  return {
    overlay: { source: { tiling: { getContentBounds: () => bounds } } } as unknown as RasterBuild['overlay'],
    log,
    notes: ['A note.'],
    warnings: ['A warning.'],
  };
}

describe('raster handle', () => {
  it('should draw its opacity times the timeline’s weight, and nothing while its object is hidden', () => {
    const h = createRasterHandle('map', () => frame);
    h.opacity = 0.8;
    expect(h.drawnOpacity()).toBe(0.8);
    h.setTimeWeight(0.5);
    expect(h.drawnOpacity()).toBeCloseTo(0.4, 12);
    h.object.visible = false; // a comparison's swipe pass, or the layer hidden
    expect(h.drawnOpacity()).toBe(0);
  });

  it('should report loading, then ready with warnings and notes, then only changes', () => {
    const h = createRasterHandle('map', () => frame);
    const report = vi.fn();
    h.begin();
    h.poll(report);
    expect(report).toHaveBeenLastCalledWith({ state: 'loading', error: undefined, warnings: [], notes: [] });
    const log = new TileLog();
    h.attach(build(log), ['Far away.']);
    log.begin();
    h.poll(report);
    expect(report.mock.lastCall![0]).toMatchObject({ state: 'loading', progress: 0 });
    log.fail('http://x/1/2/3.png', 'HTTP 404 Not Found');
    log.begin();
    log.succeed();
    h.poll(report);
    expect(report.mock.lastCall![0]).toEqual({
      state: 'ready',
      error: undefined,
      warnings: ['A warning.', 'Far away.', '1 tile shown transparent: HTTP 404 Not Found (…/1/2/3.png)'],
      notes: ['A note.'],
      progress: 1,
    });
    const calls = report.mock.calls.length;
    h.poll(report);
    expect(report.mock.calls.length).toBe(calls);
    expect(h.isBusy()).toBe(false);
    expect(h.tileCounts!()).toEqual({ loaded: 1, visible: 0, downloading: 0, failed: 1 });
  });

  it('should be in error when its build fails, or when no tile could be shown', () => {
    const h = createRasterHandle('map', () => frame);
    const report = vi.fn();
    h.begin();
    h.fail('The world file does not parse.');
    h.poll(report);
    expect(report).toHaveBeenLastCalledWith({ state: 'error', error: 'The world file does not parse.', warnings: [], notes: [], progress: 1 });
    const log = new TileLog();
    h.begin();
    h.attach(build(log), []);
    log.begin();
    log.fail('http://x/1/2/3.png', 'HTTP 500 Internal Server Error');
    h.poll(report);
    expect(report.mock.lastCall![0]).toMatchObject({ state: 'error', error: 'No tile could be loaded: HTTP 500 Internal Server Error (…/1/2/3.png)' });
  });

  it('should have bounds once built, and no features of its own', () => {
    const h = createRasterHandle('map', () => frame);
    const sphere = { setFromPoints: vi.fn() };
    expect(h.boundingSphere!(sphere as never)).toBe(false);
    h.attach(build(), []);
    expect(h.boundingSphere!(sphere as never)).toBe(true);
    expect(sphere.setFromPoints.mock.calls[0]![0]).toHaveLength(4);
    expect(h.featuresAlong({} as never)).toEqual([]);
  });
});
