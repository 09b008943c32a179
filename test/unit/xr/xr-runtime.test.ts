import { describe, expect, it } from 'vitest';
import { pickFrameRate } from '../../../src/xr/xr-runtime';

describe('pickFrameRate', () => {
  it('should prefer 72 Hz, else the lowest rate of at least 72, else the highest there is', () => {
    expect(pickFrameRate([120, 90, 72, 60])).toBe(72);
    expect(pickFrameRate([90, 120])).toBe(90);
    expect(pickFrameRate([60, 50])).toBe(60);
    expect(pickFrameRate([])).toBe(false);
  });
});
