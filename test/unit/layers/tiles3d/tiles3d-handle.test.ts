import { describe, expect, it, vi } from 'vitest';
import { BufferAttribute, Group, Mesh, PlaneGeometry, Raycaster, Vector3, type Intersection, type Object3D } from 'three';
import type { TilesRenderer } from '3d-tiles-renderer/three';
import * as core from '3d-tiles-renderer/core';
import { createTiles3dHandle } from '../../../../src/layers/tiles3d/tiles3d-handle';
import type { TilesRendererStats } from '../../../../src/layers/tiles3d/tile-stats';
import type { LayerStatus } from '../../../../src/state/layer-status-store';

// exported at runtime, missing from the .d.ts (as in tile-stats.ts)
const { LOADED, LOADING, FAILED, UNLOADED } = core as unknown as { LOADED: number; LOADING: number; FAILED: number; UNLOADED: number };

type Listener = (e: object) => void;

class FakeTiles {
  readonly listeners = new Map<string, Set<Listener>>();
  stats: TilesRendererStats = {
    inCacheSinceLoad: 0,
    inCache: 0,
    queued: 0,
    downloading: 0,
    parsing: 0,
    loaded: 0,
    failed: 0,
    inFrustum: 0,
    used: 0,
    active: 0,
    visible: 0,
  };
  rootLoadingState = UNLOADED;
  isLoading = false;
  visibleTiles = new Set<{ engineData: { scene: Object3D | null } }>();
  group = new Group();
  manager: { onError?: (url: string) => void } = {};

  addEventListener(type: string, listener: Listener): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }
  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }
  dispatch(type: string, event: object = {}): void {
    for (const l of this.listeners.get(type) ?? []) l({ type, ...event });
  }
  listenerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
  /** Root loaded, nothing pending. */
  settled(): this {
    this.rootLoadingState = LOADED;
    this.isLoading = false;
    Object.assign(this.stats, { queued: 0, downloading: 0, parsing: 0 });
    return this;
  }
  /** A visible tile whose content has `count` batch-table features. */
  addVisibleTile(count: number): Group {
    const scene = new Group();
    (scene as Group & { batchTable: unknown }).batchTable = { count, getDataFromId: () => ({}) };
    this.visibleTiles.add({ engineData: { scene } });
    return scene;
  }
}

function setup(options: { pickable?: () => boolean } = {}) {
  const tiles = new FakeTiles();
  const reports: Partial<LayerStatus>[] = [];
  const report = vi.fn((patch: Partial<LayerStatus>) => {
    reports.push(patch);
  });
  const handle = createTiles3dHandle('city', tiles as unknown as TilesRenderer, report, { pickable: options.pickable ?? (() => true) });
  return { tiles, handle, report, reports, last: () => reports.at(-1) };
}

const HTTP_404 = (url: string) => new Error(`Failed to load file "${url}" with status 404 : Not Found`);

describe('tiles3d-handle', () => {
  it('should use the real 3d-tiles-renderer loading-state constants', () => {
    expect(new Set([LOADED, LOADING, FAILED, UNLOADED]).size).toBe(4);
    expect(typeof LOADED).toBe('number');
  });

  describe('createTiles3dHandle', () => {
    it('should describe itself and report loading at once', () => {
      const { tiles, handle, reports } = setup();
      expect(handle.id).toBe('city');
      expect(handle.type).toBe('tiles3d');
      expect(handle.object).toBe(tiles.group);
      expect(reports).toEqual([{ state: 'loading', warnings: [], error: undefined, progress: 0 }]);
      expect(tiles.listeners.get('load-error')?.size).toBe(1);
      expect(tiles.listeners.get('update-after')?.size).toBe(1);
    });

    it('should go to error when the root tileset fails, naming it and the HTTP status', () => {
      const { tiles, handle, reports, last } = setup();
      tiles.rootLoadingState = FAILED;
      tiles.dispatch('load-error', { tile: null, url: '/data/city/tileset.json', error: HTTP_404('/data/city/tileset.json') });
      expect(last()).toEqual({ state: 'error', error: 'Could not load the tileset city/tileset.json: HTTP 404 (not found)', progress: 1 });
      expect(handle.isBusy()).toBe(false);
      // later frames do not repeat it
      const n = reports.length;
      tiles.dispatch('update-after');
      tiles.dispatch('update-after');
      expect(reports).toHaveLength(n);
    });

    it('should report nothing more while the root tileset loads, and be busy', () => {
      const { tiles, handle, reports } = setup();
      tiles.rootLoadingState = LOADING;
      tiles.dispatch('update-after');
      expect(reports).toHaveLength(1);
      expect(handle.isBusy()).toBe(true);
    });

    it('should stay loading with progress while tiles are pending', () => {
      const { tiles, handle, reports, last } = setup();
      tiles.rootLoadingState = LOADED;
      tiles.isLoading = true;
      Object.assign(tiles.stats, { inCacheSinceLoad: 10, queued: 3, downloading: 2, parsing: 0 });
      tiles.dispatch('update-after');
      expect(last()).toEqual({ progress: 0.5 });
      expect(reports.some((r) => r.state !== undefined && r.state !== 'loading')).toBe(false);
      expect(handle.isBusy()).toBe(true);
      // progress moves on
      Object.assign(tiles.stats, { inCacheSinceLoad: 20, queued: 0, downloading: 1, parsing: 1 });
      tiles.dispatch('update-after');
      expect(last()).toEqual({ progress: 0.9 });
    });

    it('should not report a progress change below 1%', () => {
      const { tiles, reports } = setup();
      tiles.rootLoadingState = LOADED;
      tiles.isLoading = true;
      Object.assign(tiles.stats, { inCacheSinceLoad: 1000, queued: 500 });
      tiles.dispatch('update-after');
      const n = reports.length;
      tiles.stats.queued = 497; // 0.503
      tiles.dispatch('update-after');
      expect(reports).toHaveLength(n);
      tiles.stats.queued = 480; // 0.52
      tiles.dispatch('update-after');
      expect(reports).toHaveLength(n + 1);
    });

    it('should cap progress below 1 while work is pending', () => {
      const { tiles, last } = setup();
      tiles.rootLoadingState = LOADED;
      Object.assign(tiles.stats, { inCacheSinceLoad: 1000, queued: 1 });
      tiles.dispatch('update-after');
      expect(last()).toEqual({ progress: 0.99 });
    });

    it('should stay loading (not ready) while tiles-load is in progress even with nothing queued', () => {
      const { tiles, handle, reports } = setup();
      tiles.settled().isLoading = true;
      tiles.dispatch('update-after');
      expect(reports.some((r) => r.state === 'ready')).toBe(false);
      expect(handle.isBusy()).toBe(true);
    });

    it('should settle to ready with the feature count of the visible tiles', () => {
      const { tiles, handle, reports, last } = setup();
      tiles.settled();
      tiles.addVisibleTile(12);
      tiles.addVisibleTile(30);
      tiles.visibleTiles.add({ engineData: { scene: null } }); // not loaded yet: skipped
      tiles.dispatch('update-after');
      expect(reports).toContainEqual({ progress: 1 });
      expect(last()).toEqual({ state: 'ready', error: undefined, featureCount: 42 });
      expect(handle.isBusy()).toBe(false);
      // steady state: no more reports
      const n = reports.length;
      tiles.dispatch('update-after');
      expect(reports).toHaveLength(n);
      // other tiles come into view
      tiles.addVisibleTile(8);
      tiles.dispatch('update-after');
      expect(last()).toEqual({ state: 'ready', error: undefined, featureCount: 50 });
    });

    it('should count each tile once and cache it on its scene', () => {
      const { tiles } = setup();
      tiles.settled();
      const scene = tiles.addVisibleTile(7);
      tiles.dispatch('update-after');
      expect(scene.userData.featureCount).toBe(7);
      (scene as Group & { batchTable: { count: number } }).batchTable.count = 99; // not recounted
      tiles.addVisibleTile(1);
      tiles.dispatch('update-after');
      expect(scene.userData.featureCount).toBe(7);
    });

    it('should settle to error naming the failed tile when one tile failed', () => {
      const { tiles, last } = setup();
      tiles.rootLoadingState = LOADED;
      tiles.isLoading = true;
      tiles.stats.queued = 1;
      tiles.dispatch('load-error', { tile: {}, url: '/data/city/content/a.glb', error: HTTP_404('/data/city/content/a.glb') });
      tiles.dispatch('update-after');
      expect(last()?.state).toBeUndefined(); // still loading
      tiles.settled();
      tiles.addVisibleTile(5);
      tiles.dispatch('update-after');
      expect(last()).toEqual({
        state: 'error',
        error: '1 tile failed to load; first: content/a.glb: HTTP 404 (not found)',
        warnings: ['content/a.glb: HTTP 404 (not found)'],
        featureCount: 5,
      });
    });

    it('should count several failed tiles and name the first', () => {
      const { tiles, reports, last } = setup();
      tiles.settled();
      tiles.dispatch('load-error', { tile: {}, url: '/t/1.b3dm', error: HTTP_404('/t/1.b3dm') });
      tiles.dispatch('update-after');
      expect(last()?.error).toBe('1 tile failed to load; first: t/1.b3dm: HTTP 404 (not found)');
      tiles.dispatch('load-error', { tile: {}, url: '/t/2.b3dm', error: new Error('B3DMLoader: Unsupported version 2') });
      tiles.dispatch('update-after');
      expect(last()).toMatchObject({
        state: 'error',
        error: '2 tiles failed to load; first: t/1.b3dm: HTTP 404 (not found)',
        warnings: ['t/1.b3dm: HTTP 404 (not found)', 't/2.b3dm: B3DMLoader: Unsupported version 2'],
      });
      const n = reports.length;
      tiles.dispatch('update-after');
      expect(reports).toHaveLength(n);
    });

    it('should count a resource failing through the loading manager as a failed tile', () => {
      const previous = vi.fn();
      const tiles = new FakeTiles();
      tiles.manager.onError = previous;
      const report = vi.fn();
      createTiles3dHandle('city', tiles as unknown as TilesRenderer, report, { pickable: () => true });
      tiles.manager.onError!('/data/city/textures/roof.ktx2');
      expect(previous).toHaveBeenCalledWith('/data/city/textures/roof.ktx2');
      tiles.settled();
      tiles.dispatch('update-after');
      expect(report).toHaveBeenLastCalledWith(
        expect.objectContaining({ state: 'error', error: expect.stringMatching(/^1 tile failed to load; first: textures\/roof\.ktx2: /) }),
      );
    });

    it('should go to error on a root failure after tiles have loaded', () => {
      const { tiles, last } = setup();
      tiles.settled();
      tiles.dispatch('update-after');
      expect(last()?.state).toBe('ready');
      tiles.dispatch('load-error', { tile: null, url: '/x/tileset.json', error: new SyntaxError('Unexpected end of JSON input') });
      expect(last()).toEqual({ state: 'error', error: 'Could not load the tileset x/tileset.json: not valid JSON (Unexpected end of JSON input)', progress: 1 });
    });
  });

  describe('warn', () => {
    it('should add warnings, before the tile failures', () => {
      const { tiles, handle, last } = setup();
      handle.warn('no placement: placed at the scene origin');
      expect(last()).toEqual({ warnings: ['no placement: placed at the scene origin'] });
      tiles.dispatch('load-error', { tile: {}, url: '/t/1.glb', error: HTTP_404('/t/1.glb') });
      handle.warn('second note');
      expect(last()).toEqual({ warnings: ['no placement: placed at the scene origin', 'second note', 't/1.glb: HTTP 404 (not found)'] });
    });

    it('should keep the warnings in the settled error state', () => {
      const { tiles, handle, last } = setup();
      handle.warn('note');
      tiles.settled();
      tiles.dispatch('load-error', { tile: {}, url: '/t/1.glb', error: HTTP_404('/t/1.glb') });
      tiles.dispatch('update-after');
      expect(last()?.warnings).toEqual(['note', 't/1.glb: HTTP 404 (not found)']);
    });
  });

  describe('dispose', () => {
    it('should remove its listeners (load-error, update-after, load-model) and restore the loading manager', () => {
      const tiles = new FakeTiles();
      const previous = vi.fn();
      tiles.manager.onError = previous;
      const report = vi.fn();
      const handle = createTiles3dHandle('city', tiles as unknown as TilesRenderer, report, { pickable: () => true });
      expect(tiles.listenerCount()).toBe(3); // load-error, update-after, load-model (shadow flags on new tiles)
      expect(tiles.manager.onError).not.toBe(previous);
      handle.dispose();
      expect(tiles.listenerCount()).toBe(0);
      expect(tiles.manager.onError).toBe(previous);
      report.mockClear();
      tiles.settled();
      tiles.dispatch('update-after');
      tiles.dispatch('load-error', { tile: null, url: '/x/tileset.json', error: HTTP_404('/x/tileset.json') });
      expect(report).not.toHaveBeenCalled();
    });
  });

  describe('isBusy', () => {
    it('should be false once settled, true while tiles are pending', () => {
      const { tiles, handle } = setup();
      tiles.settled();
      expect(handle.isBusy()).toBe(false);
      tiles.stats.parsing = 1;
      expect(handle.isBusy()).toBe(true);
    });

    it('should be false when the root failed, even before the error event', () => {
      const { tiles, handle } = setup();
      tiles.rootLoadingState = FAILED;
      expect(handle.isBusy()).toBe(false);
    });
  });

  describe('tileCounts', () => {
    it('should map the renderer stats (pending = queued + downloading + parsing)', () => {
      const { tiles, handle } = setup();
      Object.assign(tiles.stats, { loaded: 40, visible: 12, queued: 3, downloading: 2, parsing: 1, failed: 4 });
      expect(handle.tileCounts!()).toEqual({ loaded: 40, visible: 12, downloading: 6, failed: 4 });
    });
  });

  describe('raycast and featuresAlong', () => {
    /** A 100 m square at y = 0, facing up, whose vertices carry batch ids, under a batch table. */
    function withGround(tiles: FakeTiles): void {
      const geometry = new PlaneGeometry(100, 100).rotateX(-Math.PI / 2);
      geometry.setAttribute('_batchid', new BufferAttribute(new Float32Array([3, 3, 3, 3]), 1));
      const mesh = new Mesh(geometry);
      const content = new Group();
      (content as Group & { batchTable: unknown }).batchTable = { count: 4, getDataFromId: (id: number) => ({ name: `block ${id}` }) };
      content.add(mesh);
      tiles.group.add(content);
      tiles.group.updateMatrixWorld(true);
    }
    const down = () => new Raycaster(new Vector3(10, 50, 10), new Vector3(0, -1, 0));

    it('should return the feature under the ray with its properties, point and distance', () => {
      const { tiles, handle } = setup();
      withGround(tiles);
      const hits = handle.featuresAlong(down());
      expect(hits).toHaveLength(1);
      expect(hits[0]!.layerId).toBe('city');
      expect(hits[0]!.properties).toEqual({ batchId: 3, name: 'block 3' });
      expect(hits[0]!.distance).toBeCloseTo(50, 9);
      expect(hits[0]!.point.x).toBeCloseTo(10, 9);
      expect(hits[0]!.point.y).toBeCloseTo(0, 9);
    });

    it('should return nothing when not pickable or hidden, or when the ray misses', () => {
      let pickable = false;
      const { tiles, handle } = setup({ pickable: () => pickable });
      withGround(tiles);
      expect(handle.featuresAlong(down())).toEqual([]);
      pickable = true;
      tiles.group.visible = false;
      expect(handle.featuresAlong(down())).toEqual([]);
      tiles.group.visible = true;
      expect(handle.featuresAlong(new Raycaster(new Vector3(500, 50, 0), new Vector3(0, -1, 0)))).toEqual([]);
    });

    it('should raycast the visible geometry into `out`, and nothing when hidden', () => {
      const { tiles, handle } = setup();
      withGround(tiles);
      const out: Intersection[] = [];
      handle.raycast(down(), out);
      expect(out.length).toBeGreaterThan(0);
      expect(out[0]!.distance).toBeCloseTo(50, 9);
      tiles.group.visible = false;
      const none: Intersection[] = [];
      handle.raycast(down(), none);
      expect(none).toEqual([]);
    });
  });
});
