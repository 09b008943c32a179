import { describe, expect, it } from 'vitest';
import { createSunStore, nextPlayTime, presetOf, presetTime, type SunPlace } from '../../../src/state/sun-store';
import { createMeasureStore } from '../../../src/state/measure-store';
import { findSceneControl, type SceneControlContext } from '../../../src/state/scene-controls';
import '../../../src/state/sun-controls';
import '../../../src/state/measure-controls';
import { formatLocalIso } from '../../../src/geo/local-time';

const place: SunPlace = { lon: 17.9379, lat: 62.6323, timeZone: 'Europe/Stockholm' };
const ctx = (): SceneControlContext => ({ sun: createSunStore(() => place), sunPlace: () => place, measure: createMeasureStore() });
const iso = (c: SceneControlContext) => formatLocalIso(c.sun.getState().time, place.timeZone);

describe('sun study presets', () => {
  it('should move to the day of the equinox or solstice of the same year, keeping the clock time', () => {
    const t = Date.parse('2026-09-01T15:30:00+02:00');
    expect(formatLocalIso(presetTime('equinox', t, place.timeZone), place.timeZone)).toBe('2026-03-20T15:30:00+01:00');
    expect(formatLocalIso(presetTime('midsummer', t, place.timeZone), place.timeZone)).toBe('2026-06-21T15:30:00+02:00');
    expect(formatLocalIso(presetTime('winter', t, place.timeZone), place.timeZone)).toBe('2026-12-21T15:30:00+01:00');
    expect(presetOf(Date.parse('2026-06-21T23:30:00+02:00'), place.timeZone)).toBe('midsummer');
    expect(presetOf(t, place.timeZone)).toBeNull();
  });
});

describe('the sun controls (as the desktop panel and the XR menu use them)', () => {
  it('should turn shadows on, pick a day and step the time within the local day', () => {
    const c = ctx();
    c.sun.getState().setTime(Date.parse('2026-06-21T23:30:00+02:00'));
    const shadows = findSceneControl('sun', 'shadows')!;
    const day = findSceneControl('sun', 'day')!;
    const time = findSceneControl('sun', 'time')!;
    if (shadows.kind !== 'toggle' || day.kind !== 'choice' || time.kind !== 'range') throw new Error('unexpected control kinds');
    shadows.set(c, true);
    expect(c.sun.getState().shadows).toBe(true);
    expect(day.value(c)).toBe('midsummer');
    day.set(c, 'winter');
    expect(iso(c)).toBe('2026-12-21T23:30:00+01:00');
    // +1 h at 23:30 stays on the day (23:59)
    time.set(c, time.value(c) + time.step);
    expect(iso(c)).toBe('2026-12-21T23:59:00+01:00');
    time.set(c, time.min(c) - 5 * time.step);
    expect(iso(c)).toBe('2026-12-21T00:00:00+01:00');
    expect(time.format(c, time.value(c), 'sv')).toBe('00:00');
  });

  it('should stop a playing day when the time is set by hand', () => {
    const c = ctx();
    c.sun.getState().setPlaying(true);
    expect(c.sun.getState().playing).toBe(true);
    const time = findSceneControl('sun', 'time')!;
    if (time.kind !== 'range') throw new Error('unexpected kind');
    time.set(c, time.value(c));
    expect(c.sun.getState().playing).toBe(false);
  });

  it('should play the day from sunrise to sunset and round again', () => {
    const noon = Date.parse('2026-03-20T12:00:00+01:00');
    expect(nextPlayTime(noon, place) - noon).toBe(360_000); // 6 minutes a tick: an hour a second
    const night = Date.parse('2026-03-20T22:00:00+01:00');
    const rise = nextPlayTime(night, place);
    expect(formatLocalIso(rise, place.timeZone)).toMatch(/^2026-03-20T0(5|6):\d\d/);
    const dusk = Date.parse('2026-03-20T17:56:00+01:00');
    expect(nextPlayTime(dusk, place)).toBe(rise);
  });

  it('should choose a measuring mode, and choosing it again ends measuring', () => {
    const c = ctx();
    const mode = findSceneControl('measure', 'mode')!;
    const close = findSceneControl('measure', 'close')!;
    if (mode.kind !== 'choice' || close.kind !== 'action') throw new Error('unexpected kinds');
    mode.set(c, 'area');
    expect(c.measure.getState().mode).toBe('area');
    expect(close.enabled!(c)).toBe(false);
    for (const x of [0, 10, 10]) c.measure.getState().addPoint({ x, y: 0, z: x === 10 && c.measure.getState().points.length === 2 ? -10 : 0, groundY: 0 });
    expect(close.enabled!(c)).toBe(true);
    close.run(c);
    expect(c.measure.getState().closed).toBe(true);
    mode.set(c, 'area');
    expect(c.measure.getState().mode).toBeNull();
  });
});
