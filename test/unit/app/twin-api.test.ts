/**
 * The load lifecycle of `window.twin` in Node: a runtime with a camera, a frame clock ticked by
 * a timer (standing in for the canvas) and `fetch` stubbed with responses the test releases
 * in the order it wants, so that overlapping loads finish out of order on purpose.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PerspectiveCamera } from 'three';
import { createTwinApi, type TwinApi } from '../../../src/app/twin-api';
import { createRuntime, type Runtime } from '../../../src/engine/runtime';
import type { XrRuntime } from '../../../src/xr/xr-runtime';

const PAGE = 'https://twin.example/app/';

function scene(title: string, lon = 17.9379) {
  return {
    version: 1,
    title,
    origin: { lon, lat: 62.6323, height: 28 },
    layers: [],
    viewpoints: [{ id: 'start', name: 'Start', lon, lat: 62.62, height: 500, heading: 0, pitch: -40 }],
    startViewpoint: 'start',
  };
}

interface Gate {
  /** Lets the held response through. */
  release(): void;
  /** Resolves when the response has been asked for. */
  asked: Promise<void>;
}

/**
 * Stubs `fetch`: each path under PAGE answers with its body (JSON-encoded) or a status; paths
 * given a gate wait for `release()`.
 */
function stubFetch(routes: Record<string, unknown | number>, gates: Record<string, Gate> = {}): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL) => {
      const path = String(input).slice(PAGE.length);
      const gate = gates[path] as (Gate & { open: Promise<void>; onAsked(): void }) | undefined;
      if (gate) {
        gate.onAsked();
        await gate.open;
      }
      const route = routes[path];
      if (route === undefined) return new Response('nothing here', { status: 404, statusText: 'Not Found' });
      if (typeof route === 'number') return new Response('', { status: route });
      return new Response(JSON.stringify(route), { status: 200 });
    }),
  );
}

function gate(): Gate {
  let release!: () => void;
  let onAsked!: () => void;
  const open = new Promise<void>((r) => (release = r));
  const asked = new Promise<void>((r) => (onAsked = r));
  return Object.assign({ release, asked }, { open, onAsked });
}

/** A stand-in for the XR runtime: entering always works. */
function fakeXr(): XrRuntime {
  return { enter: async () => {}, exit: async () => {}, store: { requestFrame: async () => {} } } as unknown as XrRuntime;
}

let rt: Runtime;
let ticker: ReturnType<typeof setInterval>;
let startViews: string[];

beforeEach(() => {
  vi.stubGlobal('document', { baseURI: PAGE });
  rt = createRuntime();
  const camera = new PerspectiveCamera(50, 1.6, 0.5, 20_000);
  rt.engine.camera = camera;
  // the canvas: frames keep coming, and layer views mount with each new scene
  ticker = setInterval(() => rt.engine.clock.tick(performance.now()), 2);
  rt.scene.subscribe((s) => (rt.engine.mountedRevision = s.revision));
  startViews = [];
});

afterEach(() => {
  clearInterval(ticker);
  vi.unstubAllGlobals();
});

/** The API as the app boots it: the first `loadScene` is the boot load (`?scene=`). */
function boot(first: string | object): TwinApi {
  const twin = createTwinApi(rt, '0.0.0-test', {
    onSceneLoaded: (doc) => void startViews.push(doc.title),
    xr: fakeXr(),
    booted: Promise.resolve(),
  });
  twin.loadScene(first).catch(() => {});
  return twin;
}

const settle = (p: Promise<unknown>) => p.then(() => 'resolved', (e: Error) => `rejected: ${e.message}`);

describe('twin API: the load lifecycle', () => {
  describe('after a first scene that failed', () => {
    it('should keep twin.ready rejected, and let setView, idle and enterXR follow the scene loaded later', async () => {
      stubFetch({ 'good.json': scene('Good') });
      const twin = boot('missing.json');
      await expect(twin.ready).rejects.toThrow(/missing\.json: HTTP 404/);
      await twin.loadScene('good.json');
      expect(twin.scene()!.title).toBe('Good');
      await expect(twin.sceneReady()).resolves.toBeUndefined();
      await expect(twin.setView({ lon: 17.94, lat: 62.63, height: 300 })).resolves.toBeUndefined();
      expect(twin.view().height).toBeCloseTo(300, 3);
      await expect(twin.idle()).resolves.toBeUndefined();
      await expect(twin.enterXR()).resolves.toBeUndefined();
      // twin.ready keeps its documented meaning: the first scene, which failed
      await expect(twin.ready).rejects.toThrow(/HTTP 404/);
    });

    it('should reject setView, idle and enterXR with the reason while no scene is shown', async () => {
      stubFetch({});
      const twin = boot('missing.json');
      for (const call of [() => twin.setView({ lon: 17.94, lat: 62.63, height: 300 }), () => twin.idle(), () => twin.enterXR(), () => twin.sceneReady()]) {
        await expect(call()).rejects.toThrow(/missing\.json: HTTP 404/);
      }
    });

    it('should follow the scene still shown when a later load fails', async () => {
      stubFetch({ 'good.json': scene('Good') });
      const twin = boot('good.json');
      await twin.ready;
      await expect(twin.loadScene('missing.json')).rejects.toThrow(/HTTP 404/);
      expect(twin.scene()!.title).toBe('Good');
      await expect(twin.sceneReady()).resolves.toBeUndefined();
      await expect(twin.idle()).resolves.toBeUndefined();
    });
  });

  describe('sceneReady', () => {
    it('should wait for a frame drawn after the scene was shown, and no longer once one was', async () => {
      stubFetch({});
      const twin = boot(scene('A'));
      await twin.ready;
      clearInterval(ticker); // the canvas stops drawing
      await twin.loadScene(scene('B'));
      const pending = settle(twin.sceneReady());
      expect(await Promise.race([pending, new Promise((r) => setTimeout(() => r('pending'), 50))])).toBe('pending');
      rt.engine.clock.tick(performance.now());
      expect(await pending).toBe('resolved');
      // B has been drawn: no frame to wait for
      expect(await Promise.race([settle(twin.sceneReady()), new Promise((r) => setTimeout(() => r('pending'), 50))])).toBe('resolved');
    });
  });

  describe('overlapping loadScene calls', () => {
    it('should show the latest call even when the first-issued one finishes last', async () => {
      const slow = gate();
      stubFetch({ 'a.json': scene('A'), 'b.json': scene('B', 17.95) }, { 'a.json': slow });
      const twin = boot(scene('Start'));
      await twin.ready;
      const a = twin.loadScene('a.json');
      await slow.asked;
      const b = twin.loadScene('b.json');
      await expect(b).resolves.toBeUndefined();
      slow.release();
      expect(await settle(a)).toMatch(/^rejected: .*a\.json.* replaced by a later loadScene/);
      await twin.sceneReady();
      expect(twin.scene()!.title).toBe('B');
      expect(rt.engine.frame.origin.lon).toBe(17.95);
      expect(startViews).toEqual(['Start', 'B']);
      // the replaced load is no error of the scene shown
      expect(rt.scene.getState().loadError).toBeNull();
    });

    it('should make twin.ready follow the load that replaced the boot load', async () => {
      const slow = gate();
      stubFetch({ 'a.json': scene('A'), 'b.json': scene('B') }, { 'a.json': slow });
      const twin = boot('a.json');
      await slow.asked;
      await twin.loadScene('b.json');
      slow.release();
      await expect(twin.ready).resolves.toBeUndefined();
      expect(twin.scene()!.title).toBe('B');
    });

    it('should let a failing later call win over an earlier one still in flight', async () => {
      const slow = gate();
      stubFetch({ 'a.json': scene('A') }, { 'a.json': slow });
      const twin = boot(scene('Start'));
      await twin.ready;
      const a = twin.loadScene('a.json');
      await slow.asked;
      await expect(twin.loadScene('missing.json')).rejects.toThrow(/HTTP 404/);
      slow.release();
      expect(await settle(a)).toMatch(/replaced by a later loadScene/);
      expect(twin.scene()!.title).toBe('Start');
      expect(rt.scene.getState().loadError).toMatch(/missing\.json: HTTP 404/);
    });
  });

  describe('addLayer during a replacement', () => {
    const tileset = { url: 'https://tiles.example/city/tileset.json' };

    it('should apply an addLayer issued while a scene loads to that new scene', async () => {
      const slow = gate();
      stubFetch({ 'b.json': scene('B') }, { 'b.json': slow });
      const twin = boot(scene('A'));
      await twin.ready;
      const b = twin.loadScene('b.json');
      await slow.asked;
      const added = twin.addLayer(tileset);
      slow.release();
      await b;
      const id = await added;
      expect(twin.scene()!.title).toBe('B');
      expect(twin.scene()!.layers.map((l) => l.id)).toEqual([id]);
    });

    it('should reject an addLayer whose scene is replaced before the layer is ready, with the reason', async () => {
      const sample = gate();
      // no extension: the kind is detected from the content, which the gate holds back
      stubFetch({ 'b.json': scene('B'), layer: { asset: { version: '1.1' }, geometricError: 1, root: { geometricError: 1, boundingVolume: { sphere: [0, 0, 0, 1] } } } }, { layer: sample });
      const twin = boot(scene('A'));
      await twin.ready;
      const added = twin.addLayer({ url: 'layer' });
      await sample.asked;
      await twin.loadScene('b.json');
      sample.release();
      expect(await settle(added)).toMatch(/^rejected: addLayer\(layer\): the scene it was added to was replaced \(loadScene\)/);
      expect(twin.scene()!.title).toBe('B');
      expect(twin.scene()!.layers).toEqual([]);
    });

    it('should reject an addLayer issued while a scene loads when that load fails', async () => {
      const slow = gate();
      stubFetch({}, { 'missing.json': slow });
      const twin = boot(scene('A'));
      await twin.ready;
      const load = twin.loadScene('missing.json');
      await slow.asked;
      const added = twin.addLayer(tileset);
      slow.release();
      await expect(load).rejects.toThrow(/HTTP 404/);
      expect(await settle(added)).toMatch(/^rejected: addLayer\(.*tileset\.json\): the scene it was meant for did not load: .*HTTP 404/);
      expect(twin.scene()!.layers).toEqual([]);
    });
  });
});
