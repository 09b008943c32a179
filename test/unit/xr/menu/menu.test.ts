import { describe, expect, it } from 'vitest';
import { parseScene } from '../../../../src/spec';
import { buildMenu, type MenuInput } from '../../../../src/xr/menu/menu-model';
import { cellAt, cellCentre, layoutMenu, MENU_LAYOUT } from '../../../../src/xr/menu/menu-layout';

const doc = parseScene({
  version: 1,
  title: 'Test',
  origin: { lon: 17.9, lat: 62.6, height: 10 },
  layers: [
    { id: 'buildings', type: 'tiles3d', name: 'Byggnader', url: 'b/tileset.json' },
    { id: 'proposal', type: 'tiles3d', name: 'Förslag', url: 'p/tileset.json', visible: false },
    { id: 'plan', type: 'zoning', name: 'Detaljplan', url: 'plan.json', volumes: false },
  ],
  viewpoints: [{ id: 'square', name: 'Torget', lon: 17.9, lat: 62.6, height: 12, heading: 0, pitch: 0 }],
  comparisons: [{ id: 'block', name: 'Kvarteret', before: { name: 'Idag', layers: [] }, after: { name: 'Förslag', layers: ['proposal'] } }],
});

const input = (over: Partial<MenuInput> = {}): MenuInput => ({
  doc,
  compare: { activeId: 'block', mode: 'before' },
  timeStep: 0,
  scale: 'street',
  mode: 'immersive-vr',
  lang: 'en',
  ...over,
});

describe('XR menu', () => {
  describe('buildMenu', () => {
    it('should list layers with their visibility, the comparison, viewpoints, scale and exit', () => {
      const items = buildMenu(input());
      const byId = Object.fromEntries(items.map((i) => [i.id, i]));
      expect(byId['layer:buildings']).toMatchObject({ kind: 'toggle', checked: true, label: 'Byggnader', action: { type: 'layer-visible', layerId: 'buildings' } });
      expect(byId['layer:proposal']).toMatchObject({ checked: false });
      expect(byId['compare']).toMatchObject({ kind: 'toggle', checked: false, label: 'Förslag / Idag', action: { type: 'compare' } });
      expect(byId['header:compare']!.label).toBe('Kvarteret');
      expect(byId['viewpoint:square']).toMatchObject({ kind: 'button', label: 'Torget', action: { type: 'viewpoint', viewpointId: 'square' } });
      expect(byId['scale:street']!.checked).toBe(true);
      expect(byId['scale:table']!.checked).toBe(false);
      expect(byId['exit']).toMatchObject({ label: 'Exit VR', action: { type: 'exit' } });
    });

    it('should show the proposal side as on in after and swipe mode, and hide the toggle without an active comparison', () => {
      expect(buildMenu(input({ compare: { activeId: 'block', mode: 'after' } })).find((i) => i.id === 'compare')!.checked).toBe(true);
      expect(buildMenu(input({ compare: { activeId: 'block', mode: 'swipe' } })).find((i) => i.id === 'compare')!.checked).toBe(true);
      expect(buildMenu(input({ compare: { activeId: null, mode: 'before' } })).some((i) => i.id === 'compare')).toBe(false);
    });

    it('should speak Swedish and say AR in an AR session', () => {
      const items = buildMenu(input({ lang: 'sv', mode: 'immersive-ar', scale: 'table' }));
      expect(items.find((i) => i.id === 'exit')!.label).toBe('Lämna AR');
      expect(items.find((i) => i.id === 'scale:table')).toMatchObject({ label: 'Bordsmodell', checked: true });
    });

    it("should put a layer kind's registered controls under its layer (the zoning layer's volumes)", () => {
      const items = buildMenu(input());
      const i = items.findIndex((x) => x.id === 'layer:plan:volumes');
      expect(items[i - 1]!.id).toBe('layer:plan');
      expect(items[i]).toMatchObject({ label: 'Maximum heights (volumes)', indent: true, checked: false, action: { type: 'layer-control', layerId: 'plan', controlId: 'volumes' } });
      expect(items.some((x) => x.id.startsWith('layer:buildings:'))).toBe(false);
    });

    it('should list the timeline’s steps under the comparison, the current one on, each moving the timeline', () => {
      const timed = parseScene({
        version: 1,
        title: 'Timed',
        origin: { lon: 17.9, lat: 62.6, height: 10 },
        layers: [
          { id: 'map', type: 'raster', name: 'Karta 1880', url: 'map.png', crs: 'EPSG:3014', time: '1880' },
          { id: 'today', type: 'tiles3d', name: 'Idag', url: 't/tileset.json', time: '2026' },
        ],
        comparisons: [{ id: 'then', name: 'Förr och nu', before: { name: '1880', time: '1880' }, after: { name: 'Idag', time: '2026' } }],
      });
      const items = buildMenu(input({ doc: timed, compare: { activeId: 'then', mode: 'after' }, timeStep: 1, lang: 'sv' }));
      const ids = items.map((i) => i.id);
      expect(ids.slice(ids.indexOf('header:time'))).toEqual(['header:time', 'time:0', 'time:1', 'header:scale', 'scale:street', 'scale:table', 'exit']);
      expect(items.find((i) => i.id === 'header:time')!.label).toBe('Tidslinje');
      expect(items.find((i) => i.id === 'time:0')).toMatchObject({ kind: 'toggle', label: '1880', checked: false, column: 0, action: { type: 'time', step: 0 } });
      expect(items.find((i) => i.id === 'time:1')).toMatchObject({ label: '2026 · Idag', checked: true });
      // the raster's see-through control, as on the desktop
      expect(items.find((i) => i.id === 'layer:map:see-through')).toMatchObject({ label: 'Genomskinlig (50 %)', checked: false, indent: true });
      expect(buildMenu(input()).some((i) => i.id.startsWith('time:'))).toBe(false);
    });

    it('should work before a scene is loaded', () => {
      const items = buildMenu(input({ doc: null }));
      expect(items.map((i) => i.id)).toEqual(['header:layers', 'header:scale', 'scale:street', 'scale:table', 'exit']);
    });
  });

  describe('layoutMenu and cellAt', () => {
    const layout = layoutMenu(buildMenu(input()));

    it('should stack each column in rows and size the panel to the longer column', () => {
      const left = layout.cells.filter((c) => c.item.column === 0);
      const right = layout.cells.filter((c) => c.item.column === 1);
      expect(left[1]!.y - left[0]!.y).toBeCloseTo(MENU_LAYOUT.rowHeight, 12);
      expect(right[0]!.x).toBeGreaterThan(left[0]!.x + MENU_LAYOUT.columnWidth);
      const rows = Math.max(left.length, right.length);
      expect(layout.height).toBeCloseTo(2 * MENU_LAYOUT.padding + rows * MENU_LAYOUT.rowHeight, 12);
    });

    it('should find the item under a UV point, and nothing on headers or margins', () => {
      for (const cell of layout.cells) {
        const c = cellCentre(layout, cell);
        const u = c.x / layout.width + 0.5;
        const v = c.y / layout.height + 0.5;
        const hit = cellAt(layout, u, v);
        if (cell.item.action) expect(hit?.item.id).toBe(cell.item.id);
        else expect(hit).toBeNull();
      }
      expect(cellAt(layout, 0.001, 0.999)).toBeNull();
    });
  });
});

describe('XR menu tools (registered scene controls)', () => {
  it('should list the sun and measure controls in a third column, a range as − value + on one row', async () => {
    const { sceneControlGroups } = await import('../../../../src/state/scene-controls');
    await import('../../../../src/state/sun-controls');
    await import('../../../../src/state/measure-controls');
    const { createSunStore } = await import('../../../../src/state/sun-store');
    const { createMeasureStore } = await import('../../../../src/state/measure-store');
    const place = { lon: 17.9, lat: 62.6, timeZone: 'Europe/Stockholm' };
    const sun = createSunStore(() => place);
    sun.getState().setTime(Date.parse('2026-06-21T14:00:00+02:00'));
    const tools = { groups: sceneControlGroups(), ctx: { sun, sunPlace: () => place, measure: createMeasureStore() } };
    const items = buildMenu(input({ lang: 'sv', tools }));
    const byId = Object.fromEntries(items.map((i) => [i.id, i]));
    expect(byId['sun:shadows']).toMatchObject({ kind: 'toggle', column: 2, checked: false, label: 'Skuggor', action: { type: 'scene-control', groupId: 'sun', controlId: 'shadows' } });
    expect(byId['sun:day:midsummer']).toMatchObject({ checked: true, label: 'Midsommar', action: { option: 'midsummer' } });
    expect(byId['sun:time:value']).toMatchObject({ kind: 'value', label: 'Klockslag 14:00', action: null, sameRow: true });
    expect(byId['sun:time:inc']).toMatchObject({ kind: 'button', action: { delta: 1 }, sameRow: true });
    // measuring's two actions share a row; nothing to clear yet, so "Rensa" is disabled
    expect(byId['measure:clear']).toMatchObject({ action: null, sameRow: true, span: [0.5, 1] });
    const layout = layoutMenu(items);
    const cell = (id: string) => layout.cells.find((c) => c.item.id === id)!;
    expect(cell('sun:time:dec').y).toBe(cell('sun:time:inc').y);
    expect(cell('sun:time:inc').x).toBeGreaterThan(cell('sun:time:value').x + cell('sun:time:value').w - 1e-9);
    expect(layout.width).toBeCloseTo(3 * MENU_LAYOUT.columnWidth + 4 * MENU_LAYOUT.padding, 12);
    // the − and + buttons are pressable where they are drawn
    for (const id of ['sun:time:dec', 'sun:time:inc']) {
      const c = cellCentre(layout, cell(id));
      expect(cellAt(layout, c.x / layout.width + 0.5, c.y / layout.height + 0.5)?.item.id).toBe(id);
    }
  });
});
