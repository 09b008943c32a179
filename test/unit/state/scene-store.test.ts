import { describe, expect, it, vi } from 'vitest';
import { createSceneStore } from '../../../src/state/scene-store';
import { parseScene, type LayerSpec, type SceneDocument } from '../../../src/spec';

function scene(): SceneDocument {
  return parseScene({
    version: 1,
    title: 'Test',
    origin: { lon: 17.9379, lat: 62.6323 },
    layers: [
      { id: 'city', type: 'tiles3d', name: 'City', url: 'city/tileset.json' },
      { id: 'plan', type: 'tiles3d', name: 'Plan', url: 'plan/tileset.json' },
    ],
  });
}

function layer(id: string): LayerSpec {
  return { id, type: 'tiles3d', name: id, url: `${id}/tileset.json`, visible: true, opacity: 1 };
}

describe('scene-store', () => {
  describe('createSceneStore', () => {
    it('should start empty, with a base URL for Node', () => {
      const s = createSceneStore().getState();
      expect(s.doc).toBeNull();
      expect(s.loadError).toBeNull();
      expect(s.revision).toBe(0);
      expect(s.baseUrl).toBe('http://localhost/');
    });

    it('should give independent stores', () => {
      const a = createSceneStore();
      const b = createSceneStore();
      a.getState().setScene(scene(), 'https://a.example/');
      expect(b.getState().doc).toBeNull();
    });
  });

  describe('setScene', () => {
    it('should set the document and base URL, clear the load error and bump the revision', () => {
      const store = createSceneStore();
      store.getState().setLoadError('boom');
      const doc = scene();
      store.getState().setScene(doc, 'https://x.example/s.json');
      expect(store.getState()).toMatchObject({ doc, baseUrl: 'https://x.example/s.json', loadError: null, revision: 1 });
      store.getState().setScene(scene(), 'https://x.example/t.json');
      expect(store.getState().revision).toBe(2);
    });
  });

  describe('setLoadError', () => {
    it('should set and clear the load error without touching the document', () => {
      const store = createSceneStore();
      const doc = scene();
      store.getState().setScene(doc, 'https://x.example/');
      store.getState().setLoadError('Could not load …');
      expect(store.getState().loadError).toBe('Could not load …');
      expect(store.getState().doc).toBe(doc);
      store.getState().setLoadError(null);
      expect(store.getState().loadError).toBeNull();
    });
  });

  describe('addLayer', () => {
    it('should append a layer in a new document object, keeping the revision', () => {
      const store = createSceneStore();
      const doc = scene();
      store.getState().setScene(doc, 'https://x.example/');
      store.getState().addLayer(layer('trees'));
      const next = store.getState().doc!;
      expect(next).not.toBe(doc);
      expect(next.layers.map((l) => l.id)).toEqual(['city', 'plan', 'trees']);
      expect(doc.layers).toHaveLength(2); // the old document is not mutated
      expect(store.getState().revision).toBe(1);
    });

    it('should throw on a duplicate id and leave the document alone', () => {
      const store = createSceneStore();
      store.getState().setScene(scene(), 'https://x.example/');
      const before = store.getState().doc;
      expect(() => store.getState().addLayer(layer('city'))).toThrow('A layer with id "city" already exists');
      expect(store.getState().doc).toBe(before);
    });

    it('should throw without a scene', () => {
      expect(() => createSceneStore().getState().addLayer(layer('x'))).toThrow('No scene is loaded');
    });
  });

  describe('removeLayer', () => {
    it('should remove a layer and return true', () => {
      const store = createSceneStore();
      store.getState().setScene(scene(), 'https://x.example/');
      expect(store.getState().removeLayer('city')).toBe(true);
      expect(store.getState().doc!.layers.map((l) => l.id)).toEqual(['plan']);
    });

    it('should return false for an unknown id or no scene, without notifying', () => {
      const store = createSceneStore();
      expect(store.getState().removeLayer('city')).toBe(false);
      store.getState().setScene(scene(), 'https://x.example/');
      const listener = vi.fn();
      store.subscribe(listener);
      const before = store.getState().doc;
      expect(store.getState().removeLayer('nope')).toBe(false);
      expect(store.getState().doc).toBe(before);
      expect(listener).not.toHaveBeenCalled();
    });
  });

  describe('updateLayer', () => {
    it('should patch one layer, leaving the others identical', () => {
      const store = createSceneStore();
      store.getState().setScene(scene(), 'https://x.example/');
      const plan = store.getState().doc!.layers[1];
      store.getState().updateLayer('city', { visible: false, opacity: 0.5 });
      const layers = store.getState().doc!.layers;
      expect(layers[0]).toMatchObject({ id: 'city', visible: false, opacity: 0.5, name: 'City' });
      expect(layers[1]).toBe(plan);
    });

    it('should not let a patch change the id or the type', () => {
      const store = createSceneStore();
      store.getState().setScene(scene(), 'https://x.example/');
      store.getState().updateLayer('city', { id: 'town', type: 'geojson', name: 'Town' });
      const layers = store.getState().doc!.layers;
      expect(layers.map((l) => l.id)).toEqual(['city', 'plan']);
      expect(layers[0]).toMatchObject({ id: 'city', type: 'tiles3d', name: 'Town' });
    });

    it('should ignore an unknown id and do nothing without a scene', () => {
      const store = createSceneStore();
      expect(() => store.getState().updateLayer('city', { visible: false })).not.toThrow();
      expect(store.getState().doc).toBeNull();
      store.getState().setScene(scene(), 'https://x.example/');
      store.getState().updateLayer('nope', { visible: false });
      expect(store.getState().doc!.layers.every((l) => l.visible)).toBe(true);
    });
  });
});
