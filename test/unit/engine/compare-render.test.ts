import { describe, expect, it } from 'vitest';
import { Object3D, PerspectiveCamera, Scene, Vector2 } from 'three';
import { ComparisonReader } from '../../../src/engine/compare/comparison-reader';
import { renderComparison, type ComparisonRenderer } from '../../../src/engine/compare/render-comparison';
import { createCompareStore, type CompareMode } from '../../../src/state/compare-store';
import { createSceneStore } from '../../../src/state/scene-store';
import { compareScene } from './compare-scene';

const doc = compareScene;

interface Pass {
  scissor: [number, number, number, number] | null;
  visible: Record<string, boolean>;
  infoCallsAtStart: number;
}

/** A renderer that records, for every render call, the scissor box and which layers were visible. */
function fakeRenderer(objects: Record<string, Object3D>, width = 1000, height = 600, presenting = false) {
  const passes: Pass[] = [];
  let scissorTest = false;
  let scissor: [number, number, number, number] = [0, 0, width, height];
  const info = {
    autoReset: true,
    render: { calls: 0, triangles: 0, frame: 0, points: 0, lines: 0 },
    memory: { geometries: 0, textures: 0 },
    programs: null,
    reset() {
      info.render.calls = 0;
      info.render.triangles = 0;
    },
    update() {},
  };
  const gl = {
    info,
    xr: { isPresenting: presenting },
    getSize: (out: Vector2) => out.set(width, height),
    setScissor: (x: number, y: number, w: number, h: number) => {
      scissor = [x, y, w, h];
    },
    setScissorTest: (on: boolean) => {
      scissorTest = on;
    },
    render: () => {
      if (info.autoReset) info.reset();
      passes.push({
        scissor: scissorTest ? [...scissor] : null,
        visible: Object.fromEntries(Object.entries(objects).map(([id, o]) => [id, o.visible])),
        infoCallsAtStart: info.render.calls,
      });
      info.render.calls += 10;
      info.render.triangles += 1000;
    },
  };
  return { gl: gl as unknown as ComparisonRenderer, passes, info, isScissorOn: () => scissorTest };
}

function setup(mode: CompareMode, split = 0.5, active: string | null = 'c') {
  const scene = createSceneStore();
  scene.getState().setScene(doc, 'http://x/');
  const compare = createCompareStore();
  compare.setState({ activeId: active, mode, split });
  const objects: Record<string, Object3D> = { ground: new Object3D(), buildings: new Object3D(), proposal: new Object3D() };
  return { reader: new ComparisonReader(scene, compare), objects, lookup: (id: string) => objects[id] };
}

const camera = new PerspectiveCamera();
const root = new Scene();

describe('renderComparison', () => {
  it('should render once, untouched, with no comparison active', () => {
    const { reader, objects, lookup } = setup('before', 0.5, null);
    const r = fakeRenderer(objects);
    renderComparison(r.gl, root, camera, reader, lookup);
    expect(r.passes).toEqual([{ scissor: null, visible: { ground: true, buildings: true, proposal: true }, infoCallsAtStart: 0 }]);
  });

  it('should render the before side alone in before mode and the after side in after mode', () => {
    for (const [mode, visible] of [
      ['before', { ground: true, buildings: true, proposal: false }],
      ['after', { ground: true, buildings: false, proposal: true }],
    ] as const) {
      const { reader, objects, lookup } = setup(mode);
      const r = fakeRenderer(objects);
      renderComparison(r.gl, root, camera, reader, lookup);
      expect(r.passes).toEqual([{ scissor: null, visible, infoCallsAtStart: 0 }]);
    }
  });

  it('should render the before side left of the divider and the after side right of it in swipe mode', () => {
    const { reader, objects, lookup } = setup('swipe', 0.3);
    const r = fakeRenderer(objects, 1000, 600);
    renderComparison(r.gl, root, camera, reader, lookup);
    expect(r.passes.map((p) => [p.scissor, p.visible])).toEqual([
      [[0, 0, 300, 600], { ground: true, buildings: true, proposal: false }],
      [[300, 0, 700, 600], { ground: true, buildings: false, proposal: true }],
    ]);
    expect(r.isScissorOn()).toBe(false);
  });

  it('should count both passes of a split frame in renderer.info and restore autoReset', () => {
    const { reader, objects, lookup } = setup('swipe', 0.5);
    const r = fakeRenderer(objects);
    r.info.render.calls = 99; // left over from an earlier frame
    renderComparison(r.gl, root, camera, reader, lookup);
    expect(r.passes.map((p) => p.infoCallsAtStart)).toEqual([0, 10]);
    expect(r.info.render.calls).toBe(20);
    expect(r.info.render.triangles).toBe(2000);
    expect(r.info.autoReset).toBe(true);
  });

  it('should restore the layers’ visible flags after the frame, keeping a spec-hidden layer hidden on both sides', () => {
    const { reader, objects, lookup } = setup('swipe', 0.5);
    objects.proposal!.visible = false; // the layer view hid it (spec visible: false)
    const r = fakeRenderer(objects);
    renderComparison(r.gl, root, camera, reader, lookup);
    expect(r.passes.map((p) => p.visible.proposal)).toEqual([false, false]);
    expect(r.passes.map((p) => p.visible.buildings)).toEqual([true, false]);
    expect(Object.fromEntries(Object.entries(objects).map(([id, o]) => [id, o.visible]))).toEqual({ ground: true, buildings: true, proposal: false });
  });

  it('should render one side when the divider is at an edge', () => {
    for (const [split, visible] of [
      [0, { buildings: false, proposal: true }],
      [1, { buildings: true, proposal: false }],
    ] as const) {
      const { reader, objects, lookup } = setup('swipe', split);
      const r = fakeRenderer(objects);
      renderComparison(r.gl, root, camera, reader, lookup);
      expect(r.passes).toHaveLength(1);
      expect(r.passes[0]).toMatchObject({ scissor: null, visible });
    }
  });

  it('should never split in XR: swipe shows the after side on the whole view', () => {
    const { reader, objects, lookup } = setup('swipe', 0.5);
    const r = fakeRenderer(objects, 1000, 600, true);
    renderComparison(r.gl, root, camera, reader, lookup);
    expect(r.passes).toEqual([{ scissor: null, visible: { ground: true, buildings: false, proposal: true }, infoCallsAtStart: 0 }]);
  });

  it('should skip layers that are not live yet and restore visibility even if a render throws', () => {
    const { reader, objects } = setup('after');
    const lookup = (id: string) => (id === 'buildings' ? objects.buildings : undefined);
    const r = fakeRenderer(objects);
    r.gl.render = () => {
      expect(objects.buildings!.visible).toBe(false);
      throw new Error('context lost');
    };
    expect(() => renderComparison(r.gl, root, camera, reader, lookup)).toThrow('context lost');
    expect(objects.buildings!.visible).toBe(true);
  });
});
