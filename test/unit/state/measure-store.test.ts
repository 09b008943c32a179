import { describe, expect, it } from 'vitest';
import { createMeasureStore, measureFigures, type MeasurePoint } from '../../../src/state/measure-store';
import { formatMetres, formatSquareMetres } from '../../../src/state/measure-format';

const p = (x: number, y: number, z: number, groundY = 0): MeasurePoint => ({ x, y, z, groundY });

describe('measure store', () => {
  it('should keep two points for a distance and start over with a third', () => {
    const s = createMeasureStore();
    s.getState().addPoint(p(0, 0, 0));
    expect(s.getState().points).toEqual([]); // no mode: nothing is measured
    s.getState().setMode('distance');
    s.getState().addPoint(p(0, 0, 0));
    s.getState().addPoint(p(3, 0, 4));
    expect(s.getState().points).toHaveLength(2);
    s.getState().addPoint(p(1, 1, 1));
    expect(s.getState().points).toEqual([p(1, 1, 1)]);
  });

  it('should keep one point for a height, and close an area only with three points', () => {
    const s = createMeasureStore();
    s.getState().setMode('height');
    s.getState().addPoint(p(0, 5, 0));
    s.getState().addPoint(p(1, 7, 0));
    expect(s.getState().points).toEqual([p(1, 7, 0)]);
    s.getState().setMode('area');
    expect(s.getState().points).toEqual([]);
    s.getState().addPoint(p(0, 0, 0));
    s.getState().addPoint(p(10, 0, 0));
    s.getState().close();
    expect(s.getState().closed).toBe(false);
    s.getState().addPoint(p(10, 0, -10));
    s.getState().close();
    expect(s.getState().closed).toBe(true);
    // a new point after closing starts a new polygon
    s.getState().addPoint(p(5, 0, 5));
    expect(s.getState()).toMatchObject({ points: [p(5, 0, 5)], closed: false });
    s.getState().undo();
    expect(s.getState().points).toEqual([]);
  });
});

describe('measureFigures', () => {
  it('should split a distance into straight, horizontal and vertical', () => {
    const f = measureFigures('distance', [p(0, 10, 0), p(30, 50, -40)]);
    expect(f.distance!.horizontal).toBeCloseTo(50, 12);
    expect(f.distance!.vertical).toBeCloseTo(40, 12);
    expect(f.distance!.straight).toBeCloseTo(Math.hypot(50, 40), 12);
  });

  it('should give the height above the ground under the point', () => {
    expect(measureFigures('height', [p(0, 19.2, 0, 0.4)]).height!.aboveGround).toBeCloseTo(18.8, 12);
  });

  it('should give the area and perimeter on the ground plane, whatever the winding and the heights', () => {
    const rect = [p(0, 0, 0), p(20, 3, 0), p(20, 0, -15), p(0, 1, -15)];
    expect(measureFigures('area', rect).area).toEqual({ area: 300, perimeter: 70 });
    expect(measureFigures('area', [...rect].reverse()).area!.area).toBe(300);
    // while drawing (not closed), the perimeter leaves out the closing edge
    expect(measureFigures('area', rect, false).area!.perimeter).toBe(55);
    expect(measureFigures('area', rect.slice(0, 2))).toEqual({});
  });
});

describe('formatting', () => {
  it('should write metres and square metres in Swedish and English', () => {
    expect(formatMetres(12.44, 'sv')).toBe('12,4 m');
    expect(formatMetres(12.44, 'en')).toBe('12.4 m');
    expect(formatMetres(3.2, 'sv')).toBe('3,20 m');
    expect(formatMetres(1234.4, 'en')).toBe('1,234 m');
    expect(formatSquareMetres(1234.4, 'sv').replace(/\s/g, ' ')).toBe('1 234 m²');
    expect(formatSquareMetres(56.25, 'en')).toBe('56.3 m²');
  });
});
