/**
 * XR frame timing with injected timestamps: the adaptive loop sees every interval and its factor
 * reaches the tiles' error target, whatever the speed of the machine running the test.
 */
import { describe, expect, it } from 'vitest';
import { AdaptiveQuality } from '../../../src/xr/adaptive-quality';
import { XrFrameTiming } from '../../../src/xr/xr-frame-timing';

function setup() {
  const counters = { frameMs: 0 };
  const quality = new AdaptiveQuality({ budgetMs: 1000 / 72, window: 30, step: 1.25 });
  const tileQuality = { errorScale: 1.5 };
  const timing = new XrFrameTiming({ counters, quality, tileQuality, baseErrorScale: 1.5 });
  let now = 1000;
  const frames = (n: number, intervalMs: number) => {
    for (let i = 0; i < n; i++) timing.frame((now += intervalMs));
  };
  return { counters, quality, tileQuality, timing, frames };
}

describe('XrFrameTiming', () => {
  it('raises the error target once a window of long frames has run, by the loop factor', () => {
    const { quality, tileQuality, frames } = setup();
    frames(1, 25); // the first frame has no interval
    frames(29, 25); // 40 Hz against a 72 Hz budget: 29 intervals, one short of a window
    expect(quality.factor).toBe(1);
    expect(tileQuality.errorScale).toBe(1.5);
    frames(1, 25);
    expect(quality.factor).toBe(1.25);
    expect(tileQuality.errorScale).toBeCloseTo(1.5 * 1.25, 12);
    frames(30, 25);
    expect(tileQuality.errorScale).toBeCloseTo(1.5 * 1.25 ** 2, 12);
  });

  it('keeps the error target while frames fit the budget', () => {
    const { quality, tileQuality, frames } = setup();
    frames(301, 1000 / 90);
    expect(quality.factor).toBe(1);
    expect(tileQuality.errorScale).toBe(1.5);
  });

  it('smooths the reported interval (first frame taken as is, then 10 % per frame)', () => {
    const { counters, timing } = setup();
    expect(timing.frame(5000)).toBe(0);
    expect(counters.frameMs).toBe(0);
    expect(timing.frame(5020)).toBe(20);
    expect(counters.frameMs).toBe(20);
    expect(timing.frame(5060)).toBe(40);
    expect(counters.frameMs).toBeCloseTo(22, 12);
  });

  it('starts afresh after a pause: the gap is not taken for a long frame', () => {
    const { counters, quality, timing } = setup();
    timing.frame(1000);
    timing.frame(1010);
    timing.pause();
    expect(timing.frame(61_010)).toBe(0); // a minute later
    for (let t = 61_020; t <= 61_600; t += 10) expect(timing.frame(t)).toBe(10);
    expect(counters.frameMs).toBeCloseTo(10, 12);
    expect(quality.factor).toBe(1);
  });
});
