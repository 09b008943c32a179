import { describe, expect, it } from 'vitest';
import { AdaptiveQuality } from '../../../src/xr/adaptive-quality';

const feed = (q: AdaptiveQuality, ms: number, frames: number) => {
  let changes = 0;
  for (let i = 0; i < frames; i++) if (q.sample(ms)) changes++;
  return changes;
};

describe('AdaptiveQuality', () => {
  it('should keep factor 1 while frames fit the budget', () => {
    const q = new AdaptiveQuality({ budgetMs: 13.9 });
    feed(q, 13, 300);
    expect(q.factor).toBe(1);
  });

  it('should raise the factor one step per window of long frames, up to max', () => {
    const q = new AdaptiveQuality({ budgetMs: 13.9, window: 30, step: 1.25, max: 4 });
    feed(q, 20, 29);
    expect(q.factor).toBe(1);
    feed(q, 20, 1);
    expect(q.factor).toBe(1.25);
    feed(q, 20, 30 * 20);
    expect(q.factor).toBe(4);
  });

  it('should lower the factor only after several calm windows (hysteresis)', () => {
    const q = new AdaptiveQuality({ budgetMs: 13.9, window: 30, calmWindows: 3, lowerBelow: 0.75 });
    feed(q, 20, 60);
    expect(q.factor).toBeCloseTo(1.5625, 10);
    feed(q, 8, 60); // two calm windows: not yet
    expect(q.factor).toBeCloseTo(1.5625, 10);
    feed(q, 8, 30);
    expect(q.factor).toBeCloseTo(1.25, 10);
  });

  it('should neither raise nor lower in the band between the thresholds', () => {
    const q = new AdaptiveQuality({ budgetMs: 13.9 });
    feed(q, 20, 30);
    const f = q.factor;
    feed(q, 13, 600); // 0.94 × budget: inside the dead band
    expect(q.factor).toBe(f);
  });

  it('should reset a calm streak when a long window comes between', () => {
    const q = new AdaptiveQuality({ budgetMs: 10, window: 10, calmWindows: 2 });
    feed(q, 20, 20);
    const high = q.factor;
    feed(q, 5, 10);
    feed(q, 20, 10);
    feed(q, 5, 10);
    expect(q.factor).toBeGreaterThanOrEqual(high);
  });

  it('should ignore nonsense samples and do nothing when disabled', () => {
    const q = new AdaptiveQuality({ budgetMs: 10, window: 2 });
    expect(q.sample(NaN)).toBe(false);
    expect(q.sample(-1)).toBe(false);
    expect(q.sample(5000)).toBe(false); // a stall (tab hidden), not a frame
    q.enabled = false;
    feed(q, 50, 100);
    expect(q.factor).toBe(1);
  });

  it('should go back to 1 on reset and take a new budget', () => {
    const q = new AdaptiveQuality({ budgetMs: 13.9, window: 5 });
    feed(q, 30, 20);
    expect(q.factor).toBeGreaterThan(1);
    q.reset();
    expect(q.factor).toBe(1);
    q.setBudget(1000 / 90);
    expect(q.budgetMs).toBeCloseTo(11.11, 2);
    q.setBudget(0);
    expect(q.budgetMs).toBeCloseTo(11.11, 2);
  });
});
