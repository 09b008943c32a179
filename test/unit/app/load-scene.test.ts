import { afterEach, describe, expect, it, vi } from 'vitest';
import { completeLayer, resolveScene, uniqueLayerId } from '../../../src/app/load-scene';
import { listLayerKinds } from '../../../src/spec';
import { streamedResponse } from '../sources/streamed-response';

const PAGE = 'https://twin.example/app/index.html';

const MINIMAL_SCENE = {
  version: 1,
  title: 'Minimal',
  origin: { lon: 17.9379, lat: 62.6323 },
  layers: [{ id: 'city', type: 'tiles3d', name: 'City', url: 'tiles/tileset.json' }],
};

const TILESET = { asset: { version: '1.1' }, geometricError: 100, root: { geometricError: 10, boundingVolume: { sphere: [0, 0, 0, 10] } } };

/** Stubs `fetch` with a map from absolute URL to [status, body]; records the URLs asked for. */
function stubFetch(routes: Record<string, [number, string]>): string[] {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL) => {
      const url = String(input);
      asked.push(url);
      const route = routes[url];
      if (!route) return new Response('nothing here', { status: 404, statusText: 'Not Found' });
      const [status, body] = route;
      return new Response(body, { status, statusText: status === 200 ? 'OK' : 'Internal Server Error' });
    }),
  );
  return asked;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('load-scene', () => {
  describe('uniqueLayerId', () => {
    it('should slug a name to lower-case ascii words joined by dashes', () => {
      expect(uniqueLayerId('Buildings 2024', new Set())).toBe('buildings-2024');
      expect(uniqueLayerId('  Trees & Parks!  ', new Set())).toBe('trees-parks');
    });

    it('should fold Swedish letters to ascii without splitting words', () => {
      expect(uniqueLayerId('Planförslag: Kvarteret Å', new Set())).toBe('planforslag-kvarteret-a');
      expect(uniqueLayerId('Härnösand Östra Ägg', new Set())).toBe('harnosand-ostra-agg');
      expect(uniqueLayerId('Café Noël', new Set())).toBe('cafe-noel');
    });

    it('should fall back to "layer" when nothing ascii is left', () => {
      expect(uniqueLayerId('', new Set())).toBe('layer');
      expect(uniqueLayerId('★ ★ ★', new Set())).toBe('layer');
      expect(uniqueLayerId('建物', new Set(['layer']))).toBe('layer-2');
    });

    it('should add -2, -3… until the id is free', () => {
      expect(uniqueLayerId('Buildings', new Set(['buildings']))).toBe('buildings-2');
      expect(uniqueLayerId('Buildings', new Set(['buildings', 'buildings-2']))).toBe('buildings-3');
      expect(uniqueLayerId('Buildings', new Set(['buildings-2']))).toBe('buildings');
    });

    it('should give an id the scene spec accepts, also for a very long name', async () => {
      const long = 'Detaljplan för kvarteret '.repeat(10);
      const id = uniqueLayerId(long, new Set());
      expect(id).toMatch(/^[a-z0-9][a-z0-9-]{0,127}$/);
      const layer = await completeLayer({ url: 'a/tileset.json', name: long }, PAGE, new Set());
      expect(layer.id).toBe(id);
    });
  });

  describe('resolveScene', () => {
    it('should resolve a relative URL against the page and return it as the base URL', async () => {
      const asked = stubFetch({ 'https://twin.example/app/scenes/demo.json': [200, JSON.stringify(MINIMAL_SCENE)] });
      const { doc, baseUrl } = await resolveScene('./scenes/demo.json', PAGE);
      expect(asked).toEqual(['https://twin.example/app/scenes/demo.json']);
      expect(baseUrl).toBe('https://twin.example/app/scenes/demo.json');
      expect(doc.title).toBe('Minimal');
      expect(doc.layers[0]).toMatchObject({ id: 'city', visible: true, opacity: 1 });
    });

    it('should keep an absolute URL', async () => {
      const asked = stubFetch({ 'https://data.example/s.json': [200, JSON.stringify(MINIMAL_SCENE)] });
      const { baseUrl } = await resolveScene('https://data.example/s.json', PAGE);
      expect(asked).toEqual(['https://data.example/s.json']);
      expect(baseUrl).toBe('https://data.example/s.json');
    });

    it('should take a document object as is, with the page as the base URL, without fetching', async () => {
      const fetchSpy = vi.fn();
      vi.stubGlobal('fetch', fetchSpy);
      const { doc, baseUrl } = await resolveScene(MINIMAL_SCENE, PAGE);
      expect(fetchSpy).not.toHaveBeenCalled();
      expect(baseUrl).toBe(PAGE);
      expect(doc.origin).toEqual({ lon: 17.9379, lat: 62.6323, height: 0 });
    });

    it('should report an HTTP 404 with the URL', async () => {
      stubFetch({});
      await expect(resolveScene('missing.json', PAGE)).rejects.toThrow('Could not load https://twin.example/app/missing.json: HTTP 404 Not Found');
    });

    it('should report a body that is not JSON with the URL', async () => {
      stubFetch({ 'https://twin.example/app/s.json': [200, '<!doctype html><p>oops'] });
      const error = await resolveScene('s.json', PAGE).catch((e: unknown) => e as Error);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/^https:\/\/twin\.example\/app\/s\.json is not valid JSON: /);
    });

    it('should refuse a scene larger than the scene limit, naming the limit, without reading it all', async () => {
      const { response, pulled } = streamedResponse({ total: 100_000_000 });
      vi.stubGlobal('fetch', vi.fn(async () => response));
      await expect(resolveScene('big.json', PAGE)).rejects.toThrow('The scene at https://twin.example/app/big.json is larger than 8 MiB (the limit for a scene); it was not read.');
      expect(pulled()).toBeLessThan(9 * 1_048_576);
    });

    it('should list every validation issue with its path', async () => {
      const bad = { ...MINIMAL_SCENE, origin: { lon: 200, lat: 62 }, layers: [{ id: 'city', type: 'tiles3d', name: 'City', url: 'x/tileset.json', opacity: 3 }] };
      stubFetch({ 'https://twin.example/app/bad.json': [200, JSON.stringify(bad)] });
      const error = (await resolveScene('bad.json', PAGE).catch((e: unknown) => e)) as Error;
      expect(error.message.startsWith('The scene is not valid:\n')).toBe(true);
      expect(error.message).toContain('origin.lon: expected a longitude in degrees (−180…180), got 200');
      expect(error.message).toContain('layers[0].opacity: expected an opacity between 0 and 1, got 3');
    });

    it('should reject a document object that is not a scene', async () => {
      await expect(resolveScene([1, 2], PAGE)).rejects.toThrow('The scene is not valid:\nexpected a scene document (a JSON object)');
    });
  });

  describe('completeLayer', () => {
    it('should detect a 3D Tiles layer from a tileset.json URL without fetching', async () => {
      const fetchSpy = vi.fn();
      vi.stubGlobal('fetch', fetchSpy);
      const layer = await completeLayer({ url: 'data/buildings/tileset.json' }, PAGE, new Set());
      expect(fetchSpy).not.toHaveBeenCalled();
      expect(layer).toMatchObject({ type: 'tiles3d', id: 'buildings', name: 'buildings', url: 'data/buildings/tileset.json', visible: true, opacity: 1 });
    });

    it('should detect the type from the fetched content when the URL does not tell', async () => {
      const asked = stubFetch({ 'https://twin.example/app/api/city?format=3dtiles': [200, JSON.stringify(TILESET)] });
      const layer = await completeLayer({ url: 'api/city?format=3dtiles' }, PAGE, new Set());
      expect(asked).toEqual(['https://twin.example/app/api/city?format=3dtiles']);
      expect(layer.type).toBe('tiles3d');
      expect(layer.name).toBe('city');
      expect(layer.id).toBe('city');
    });

    it('should detect the type from the first 64 KiB without downloading the rest of a large file', async () => {
      const head = new TextEncoder().encode(`{"asset":{"version":"1.0"},"geometricError":500,"root":{"children":[`);
      const { response, pulled } = streamedResponse({ total: 200_000_000, head });
      vi.stubGlobal('fetch', vi.fn(async () => response));
      const layer = await completeLayer({ url: 'api/city?format=3dtiles' }, PAGE, new Set());
      expect(layer.type).toBe('tiles3d');
      expect(pulled()).toBeLessThan(1_000_000);
    });

    it('should say it cannot tell the type when the content is not recognised', async () => {
      stubFetch({ 'https://twin.example/app/data.json': [200, '{"type":"FeatureCollection-ish"}'] });
      await expect(completeLayer({ url: 'data.json' }, PAGE, new Set())).rejects.toThrow(
        'Could not tell what kind of layer data.json is; give its "type"',
      );
    });

    it('should say it cannot tell the type when the content cannot be fetched', async () => {
      stubFetch({});
      await expect(completeLayer({ url: 'gone/data' }, PAGE, new Set())).rejects.toThrow('Could not tell what kind of layer gone/data is');
    });

    it('should list the known types for an unknown type', async () => {
      const error = (await completeLayer({ url: 'a/tileset.json', type: 'shapefile' }, PAGE, new Set()).catch((e: unknown) => e)) as Error;
      const known = listLayerKinds().map((k) => k.type);
      expect(known).toContain('tiles3d');
      expect(error.message).toContain('"shapefile"');
      for (const type of known) expect(error.message).toContain(type);
    });

    it('should name the path of an invalid field', async () => {
      const error = (await completeLayer({ url: 'a/tileset.json', opacity: 1.5 }, PAGE, new Set()).catch((e: unknown) => e)) as Error;
      expect(error.message).toBe('The layer is not valid:\nopacity: expected an opacity between 0 and 1, got 1.5');
      const error2 = (await completeLayer({ url: 'a/tileset.json', type: 'tiles3d', errorTarget: -1 }, PAGE, new Set()).catch((e: unknown) => e)) as Error;
      expect(error2.message).toContain('errorTarget: ');
    });

    it('should refuse input without a URL', async () => {
      await expect(completeLayer({} as { url: string }, PAGE, new Set())).rejects.toThrow('addLayer: expected { url: string, type?: string }');
    });

    it('should default the name from the file name, and a tileset.json from its folder', async () => {
      const cases: [string, string][] = [
        ['https://x.example/3d/buildings/tileset.json', 'buildings'],
        ['https://x.example/3d/buildings/tileset.json?v=3#frag', 'buildings'],
        ['tiles/harnosand-2024.b3dm', 'harnosand-2024'],
        ['trees.tileset.json', 'trees.tileset'],
        ['tileset.json', 'tileset'],
      ];
      for (const [url, name] of cases) expect((await completeLayer({ url }, PAGE, new Set())).name).toBe(name);
    });

    it('should keep a given name and id, and make the id from the name otherwise', async () => {
      const given = await completeLayer({ url: 'a/tileset.json', name: 'Stadshuset', id: 'town-hall' }, PAGE, new Set());
      expect(given).toMatchObject({ name: 'Stadshuset', id: 'town-hall' });
      const named = await completeLayer({ url: 'a/tileset.json', name: 'Planförslag: Kvarteret Å' }, PAGE, new Set());
      expect(named).toMatchObject({ name: 'Planförslag: Kvarteret Å', id: 'planforslag-kvarteret-a' });
    });

    it('should make the id unique among the taken ids', async () => {
      const layer = await completeLayer({ url: 'x/buildings/tileset.json' }, PAGE, new Set(['buildings', 'buildings-2']));
      expect(layer.id).toBe('buildings-3');
    });

    it('should apply the defaults of its kind', async () => {
      const layer = await completeLayer({ url: 'a/tileset.json', type: 'tiles3d' }, PAGE, new Set());
      expect(layer).toMatchObject({ errorTarget: 8, heightOffset: 0, pickable: true });
    });
  });
});
