import { describe, expect, it } from 'vitest';
import { dayNumber, instantOf, parseTime, spanCovers, todayDayNumber, validateScene } from '../../../src/spec';

const day = (y: number, m: number, d: number) => Math.round(Date.UTC(y, m - 1, d) / 86_400_000);

describe('time', () => {
  describe('dayNumber', () => {
    it('should count days from 1970-01-01 like Date.UTC, also before 1970 and across leap years', () => {
      for (const [y, m, d] of [
        [1970, 1, 1],
        [1869, 7, 1],
        [1900, 2, 28],
        [2000, 2, 29],
        [2026, 12, 3],
        [1600, 3, 1],
      ] as const) {
        expect(dayNumber(y, m, d), `${y}-${m}-${d}`).toBe(day(y, m, d));
      }
    });
  });

  describe('parseTime', () => {
    it('should read a year as the whole year', () => {
      expect(parseTime('1869')).toEqual({ start: day(1869, 1, 1), end: day(1869, 12, 31), startText: '1869' });
    });

    it('should read a month and a date', () => {
      expect(parseTime('1960-02')).toEqual({ start: day(1960, 2, 1), end: day(1960, 2, 29), startText: '1960-02' });
      expect(parseTime('1960-06-14')).toEqual({ start: day(1960, 6, 14), end: day(1960, 6, 14), startText: '1960-06-14' });
    });

    it('should read intervals, open at either end', () => {
      expect(parseTime('1960/1975')).toEqual({ start: day(1960, 1, 1), end: day(1975, 12, 31), startText: '1960' });
      expect(parseTime('2026/..')).toEqual({ start: day(2026, 1, 1), end: Infinity, startText: '2026' });
      expect(parseTime('../1900')).toEqual({ start: -Infinity, end: day(1900, 12, 31), startText: null });
    });

    it('should say what is wrong with anything else', () => {
      expect(parseTime('1869x')).toBe('"1869x" is not a year (YYYY) or a date (YYYY-MM or YYYY-MM-DD)');
      expect(parseTime('69')).toMatch(/is not a year/);
      expect(parseTime('1960-13')).toBe('"1960-13": the month must be 01 to 12');
      expect(parseTime('2025-02-29')).toBe('"2025-02-29": 2025-02 has no day 29');
      expect(parseTime('1975/1960')).toBe('"1975/1960" ends before it starts');
      expect(parseTime('../..')).toMatch(/open at both ends/);
      expect(parseTime('..')).toMatch(/needs the other end/);
      expect(parseTime('1/2/3')).toMatch(/more than one "\/"/);
      expect(parseTime('0000')).toMatch(/0001 to 9999/);
    });
  });

  it('should tell whether a span covers a day', () => {
    const span = parseTime('2026/2030');
    if (typeof span === 'string') throw new Error(span);
    expect(spanCovers(span, day(2026, 1, 1))).toBe(true);
    expect(spanCovers(span, day(2030, 12, 31))).toBe(true);
    expect(spanCovers(span, day(2031, 1, 1))).toBe(false);
  });

  it('should take a year as a number or a text, or a date, as an instant', () => {
    expect(instantOf(1880)).toBe(day(1880, 1, 1));
    expect(instantOf('1880')).toBe(day(1880, 1, 1));
    expect(instantOf('2030-06-01')).toBe(day(2030, 6, 1));
    expect(instantOf(999)).toBe(day(999, 1, 1));
    expect(instantOf('soon')).toMatch(/not a year/);
    expect(instantOf(1880.5)).toMatch(/not a year/);
  });

  it('should know today', () => {
    expect(todayDayNumber(new Date(Date.UTC(2026, 11, 3, 23, 59)))).toBe(day(2026, 12, 3));
  });

  it('should validate the time of any layer kind, naming the path', () => {
    const scene = (time: unknown) => ({
      version: 1,
      title: 'T',
      origin: { lon: 17.9, lat: 62.6, height: 0 },
      layers: [{ id: 'a', type: 'tiles3d', name: 'A', url: 'a/tileset.json', time }],
    });
    expect(validateScene(scene('2026/..')).ok).toBe(true);
    const bad = validateScene(scene('1869-13'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toBe('layers[0].time: expected a year, a date or an interval, e.g. "1869", "1960-06-14" or "2026/.." ("1869-13": the month must be 01 to 12), got "1869-13"');
    const number = validateScene(scene(1869));
    expect(number.ok).toBe(false);
    if (!number.ok) expect(number.message).toMatch(/layers\[0\]\.time: expected a year, a date or an interval/);
  });
});
