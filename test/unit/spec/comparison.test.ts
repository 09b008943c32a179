import { describe, expect, it } from 'vitest';
import { isTimeComparison, resolveComparison, validateScene } from '../../../src/spec';

const tiles = (id: string) => ({ id, type: 'tiles3d', name: id.toUpperCase(), url: `${id}/tileset.json` });

function scene(comparisons: unknown, layers = [tiles('buildings'), tiles('proposal'), tiles('ground')]): Record<string, unknown> {
  return { version: 1, title: 'T', origin: { lon: 17.9379, lat: 62.6323, height: 30 }, layers, comparisons };
}
const pair = (over: Record<string, unknown> = {}) => ({
  id: 'sundsbryggan',
  name: 'Kvarteret Sundsbryggan',
  before: { name: 'Idag', layers: ['buildings'] },
  after: { name: 'Förslag', layers: ['proposal'] },
  ...over,
});

function messages(input: unknown): string[] {
  const r = validateScene(input);
  return r.ok ? [] : r.message.split('\n');
}

describe('scene comparisons', () => {
  it('should accept a before / after pair and keep it as written', () => {
    const r = validateScene(scene([pair()]));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.comparisons).toEqual([pair()]);
  });

  it('should be optional', () => {
    const { comparisons: _c, ...without } = scene([]);
    const r = validateScene(without);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.comparisons).toBeUndefined();
  });

  it('should accept an empty side when the other has layers (a proposal added to today’s city)', () => {
    expect(messages(scene([pair({ before: { name: 'Idag', layers: [] } })]))).toEqual([]);
  });

  it('should name the path of a layer id that is not in the scene, and list the ids there are', () => {
    expect(messages(scene([pair({ after: { name: 'Förslag', layers: ['proposal', 'plan'] } })]))).toEqual([
      'comparisons[0].after.layers[1]: expected the id of a layer in this scene (buildings, proposal, ground), got "plan"',
    ]);
  });

  it('should say "none defined" when the scene has no layers', () => {
    expect(messages(scene([pair()], []))).toEqual([
      'comparisons[0].before.layers[0]: expected the id of a layer in this scene (none defined), got "buildings"',
      'comparisons[0].after.layers[0]: expected the id of a layer in this scene (none defined), got "proposal"',
    ]);
  });

  it('should refuse a layer on both sides, saying what to do instead', () => {
    expect(messages(scene([pair({ after: { name: 'Förslag', layers: ['proposal', 'buildings'] } })]))).toEqual([
      'comparisons[0].after.layers[1]: expected a layer on one side only (before.layers[0] has it too; a layer drawn on both sides is simply left out of the comparison), got "buildings"',
    ]);
  });

  it('should refuse a layer listed twice on one side', () => {
    expect(messages(scene([pair({ before: { name: 'Idag', layers: ['buildings', 'ground', 'buildings'] } })]))).toEqual([
      'comparisons[0].before.layers[2]: expected each layer once (before.layers[0] has it too), got "buildings"',
    ]);
  });

  it('should refuse a comparison with no layers at all', () => {
    expect(messages(scene([pair({ before: { name: 'Idag', layers: [] }, after: { name: 'Förslag', layers: [] } })]))).toEqual([
      'comparisons[0]: both sides are empty: list at least one layer id in before.layers or after.layers',
    ]);
  });

  it('should refuse duplicate comparison ids, naming the first holder', () => {
    expect(messages(scene([pair(), pair({ name: 'Again' })]))).toEqual([
      'comparisons[1].id: expected a unique comparison id (comparisons[0] has it too), got "sundsbryggan"',
    ]);
  });

  it('should let one layer take part in several comparisons', () => {
    const second = pair({ id: 'ground-then', name: 'Ground', before: { name: 'Förr', layers: ['ground'] }, after: { name: 'Nu', layers: ['buildings'] } });
    expect(messages(scene([pair(), second]))).toEqual([]);
  });

  it('should report missing names, unknown properties and wrong shapes by path', () => {
    const lines = messages(
      scene([
        { id: 'a', name: '', before: { name: 'Idag', layers: 'buildings' }, after: { layers: ['proposal'], colour: 'red' } },
      ]),
    );
    expect(lines).toEqual([
      'comparisons[0].name: expected a non-empty display name, got ""',
      'comparisons[0].before.layers: expected an array of layer ids, got "buildings"',
      'comparisons[0].after.name: expected a display name, but it is missing',
      'comparisons[0].after: unknown property "colour"',
    ]);
    expect(messages(scene({}))).toEqual(['comparisons: expected an array of comparisons, got an object']);
  });
});

describe('comparisons of two times', () => {
  const timed = [
    { id: 'map', type: 'raster', name: 'Map', url: 'm/{z}/{x}/{y}.png', time: '1880' },
    { id: 'town', type: 'tiles3d', name: 'Town', url: 't/tileset.json', time: '2026/..' },
    { id: 'today', type: 'tiles3d', name: 'Today', url: 'd/tileset.json', time: '2026' },
    { id: 'proposal', type: 'tiles3d', name: 'Proposal', url: 'p/tileset.json', time: '2030' },
    { id: 'ground', type: 'tiles3d', name: 'Ground', url: 'g/tileset.json' },
  ];
  const byTime = (before: string, after: string) => ({ id: 'c', name: 'C', before: { name: 'Then', time: before }, after: { name: 'Now', time: after } });

  it('should accept two times and keep them as written', () => {
    const r = validateScene(scene([byTime('1880', '2026')], timed));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.comparisons![0]).toEqual(byTime('1880', '2026'));
  });

  it('should resolve each side to the layers of its time only', () => {
    const r = validateScene(scene([byTime('2026', '2030')], timed));
    if (!r.ok) throw new Error(r.message);
    expect(resolveComparison(r.value.comparisons![0]!, r.value.layers)).toEqual({
      id: 'c',
      name: 'C',
      before: { name: 'Then', layers: ['today'], time: '2026' },
      after: { name: 'Now', layers: ['proposal'], time: '2030' },
    });
    expect(isTimeComparison(r.value.comparisons![0]!)).toBe(true);
  });

  it('should refuse a side with both or neither, a mix of a time and layers, two equal times and bad times', () => {
    expect(messages(scene([{ ...byTime('1880', '2026'), before: { name: 'Then', time: '1880', layers: ['map'] } }], timed))).toEqual([
      'comparisons[0].before: expected either "layers" (a list of layer ids) or "time" (e.g. "1880"), not both or neither, got an object',
    ]);
    expect(messages(scene([{ ...byTime('1880', '2026'), after: { name: 'Now', layers: ['town'] } }], timed))).toEqual([
      'comparisons[0]: expected both sides to be times or both to be layer lists, got an object',
    ]);
    expect(messages(scene([byTime('1880', '1880-06')], timed))).toEqual([]);
    expect(messages(scene([byTime('1880', '1880')], timed))).toEqual(['comparisons[0].after.time: expected another time than the before side\'s ("1880"), got "1880"']);
    expect(messages(scene([byTime('1880', 'now')], timed))[0]).toMatch(/^comparisons\[0\]\.after\.time: expected a year, a date or an interval/);
  });
});
