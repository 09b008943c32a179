import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENE_URL, parseUrlParams } from '../../../src/app/url-params';

describe('url-params', () => {
  describe('parseUrlParams', () => {
    it('should default to the demo scene and no view', () => {
      expect(parseUrlParams('')).toEqual({ scene: DEFAULT_SCENE_URL, view: null, viewError: null, emulate: null, xrAdaptive: true, time: null });
      expect(parseUrlParams('?')).toEqual({ scene: DEFAULT_SCENE_URL, view: null, viewError: null, emulate: null, xrAdaptive: true, time: null });
      expect(DEFAULT_SCENE_URL).toBe('./scenes/demo.json');
    });

    it('should take the scene URL, decoded', () => {
      expect(parseUrlParams('?scene=https%3A%2F%2Fexample.org%2Fs.json').scene).toBe('https://example.org/s.json');
      expect(parseUrlParams('scene=./scenes/other.json').scene).toBe('./scenes/other.json');
    });

    it('should fall back to the default scene for an empty ?scene=', () => {
      expect(parseUrlParams('?scene=').scene).toBe(DEFAULT_SCENE_URL);
    });

    it('should take ?time= as written, and nothing for an empty one', () => {
      expect(parseUrlParams('?time=1880').time).toBe('1880');
      expect(parseUrlParams('?time=2030-06-01&view=17.9,62.6,100').time).toBe('2030-06-01');
      expect(parseUrlParams('?time=').time).toBeNull();
    });

    it('should ignore an empty ?view=', () => {
      expect(parseUrlParams('?view=')).toEqual({ scene: DEFAULT_SCENE_URL, view: null, viewError: null, emulate: null, xrAdaptive: true, time: null });
    });

    it('should read a full view with fov', () => {
      const p = parseUrlParams('?scene=a.json&view=17.9379,62.6323,450,135.5,-42,60');
      expect(p.scene).toBe('a.json');
      expect(p.viewError).toBeNull();
      expect(p.view).toEqual({ lon: 17.9379, lat: 62.6323, height: 450, heading: 135.5, pitch: -42, fov: 60 });
    });

    it('should read five numbers without fov (and leave fov out)', () => {
      const { view } = parseUrlParams('?view=17.9,62.6,300,90,-10');
      expect(view).toEqual({ lon: 17.9, lat: 62.6, height: 300, heading: 90, pitch: -10 });
      expect(view && 'fov' in view).toBe(false);
    });

    it('should default heading to 0 and pitch to −30 for a partial view of three numbers', () => {
      expect(parseUrlParams('?view=17.9,62.6,300').view).toEqual({ lon: 17.9, lat: 62.6, height: 300, heading: 0, pitch: -30 });
    });

    it('should default only the pitch for four numbers', () => {
      expect(parseUrlParams('?view=17.9,62.6,300,45').view).toEqual({ lon: 17.9, lat: 62.6, height: 300, heading: 45, pitch: -30 });
    });

    it('should tolerate spaces around the numbers (also %20-encoded) and negative coordinates', () => {
      expect(parseUrlParams('?view=-70.65,%20-33.45,%20570').view).toMatchObject({ lon: -70.65, lat: -33.45, height: 570 });
    });

    it.each([
      ['too few numbers', '17.9,62.6'],
      ['too many numbers', '17.9,62.6,300,0,-30,60,1'],
      ['a word', '17.9,north,300'],
      ['an empty field', '17.9,,300'],
      ['a leading empty field', ',62.6,300'],
      ['a blank field', '17.9, ,300'],
      ['a trailing comma', '17.9,62.6,300,'],
      ['NaN', '17.9,NaN,300'],
      ['Infinity', '17.9,62.6,Infinity'],
      ['longitude beyond 180', '180.5,62.6,300'],
      ['latitude beyond 90', '17.9,90.01,300'],
      ['latitude below −90', '17.9,-95,300'],
      ['pitch beyond 90', '17.9,62.6,300,0,-91'],
      ['a zero fov', '17.9,62.6,300,0,-30,0'],
      ['a negative fov', '17.9,62.6,300,0,-30,-50'],
      ['a fov of 180 or more', '17.9,62.6,300,0,-30,180'],
    ])('should reject %s with a message', (_label, raw) => {
      const p = parseUrlParams(`?scene=s.json&view=${encodeURIComponent(raw)}`);
      expect(p.view).toBeNull();
      expect(p.scene).toBe('s.json');
      expect(p.viewError).toContain(`?view=${raw}`);
      expect(p.viewError).toContain('lon,lat,height[,heading,pitch[,fov]]');
    });

    it('should accept the limits themselves', () => {
      expect(parseUrlParams('?view=-180,90,0,0,-90').view).toMatchObject({ lon: -180, lat: 90, pitch: -90 });
      expect(parseUrlParams('?view=180,-90,0,0,90,150').view).toMatchObject({ lon: 180, lat: -90, pitch: 90, fov: 150 });
      expect(parseUrlParams('?view=17.9,62.6,300,0,-30,1').view).toMatchObject({ fov: 1 });
    });

    it('should accept any heading (it wraps) and negative heights', () => {
      expect(parseUrlParams('?view=17.9,62.6,-20,-450').view).toMatchObject({ height: -20, heading: -450 });
    });
  });

  describe('xr', () => {
    it('should read ?emulate=quest3 and ignore other devices', () => {
      expect(parseUrlParams('?emulate=quest3').emulate).toBe('quest3');
      expect(parseUrlParams('?emulate=vive').emulate).toBeNull();
      expect(parseUrlParams('?view=1,2,3&emulate=quest3').emulate).toBe('quest3');
    });

    it('should turn the adaptive XR loop off only with ?xrAdaptive=0', () => {
      expect(parseUrlParams('?xrAdaptive=0').xrAdaptive).toBe(false);
      expect(parseUrlParams('?xrAdaptive=1').xrAdaptive).toBe(true);
      expect(parseUrlParams('?view=bad&xrAdaptive=0').xrAdaptive).toBe(false);
    });
  });
});
