import { describe, expect, it } from 'vitest';
import { FrameClock } from '../../../src/engine/frame-clock';

/** Ticks `clock` `n` times, `dt` ms apart, starting after `start`. Returns the last time. */
function run(clock: FrameClock, n: number, dt: number, start = 0): number {
  let t = start;
  for (let i = 0; i < n; i++) {
    t += dt;
    clock.tick(t);
  }
  return t;
}

describe('frame-clock', () => {
  describe('tick', () => {
    it('should count frames', () => {
      const clock = new FrameClock();
      expect(clock.frames).toBe(0);
      run(clock, 5, 16);
      expect(clock.frames).toBe(5);
    });
  });

  describe('meanFrameMs', () => {
    it('should be 0 before two frames', () => {
      const clock = new FrameClock();
      expect(clock.meanFrameMs()).toBe(0);
      clock.tick(1000);
      expect(clock.meanFrameMs()).toBe(0);
    });

    it('should average the intervals between frames', () => {
      const clock = new FrameClock();
      clock.tick(1000);
      clock.tick(1010);
      expect(clock.meanFrameMs()).toBe(10);
      clock.tick(1040);
      expect(clock.meanFrameMs()).toBe(20);
    });

    it('should average only the last 60 intervals', () => {
      const clock = new FrameClock();
      let t = run(clock, 100, 50); // slow start
      t = run(clock, 60, 16, t); // 60 fast frames push all slow intervals out
      expect(clock.meanFrameMs()).toBeCloseTo(16, 9);
      run(clock, 30, 32, t); // half the window slower
      expect(clock.meanFrameMs()).toBeCloseTo(24, 9);
    });

    it('should not be skewed by the absolute clock value', () => {
      const clock = new FrameClock();
      run(clock, 61, 16.5, 1e9);
      expect(clock.meanFrameMs()).toBeCloseTo(16.5, 6);
    });
  });

  describe('afterFrames', () => {
    it('should resolve after the given number of further frames, not before', async () => {
      const clock = new FrameClock();
      run(clock, 3, 16);
      let resolved = false;
      const p = clock.afterFrames(2).then(() => {
        resolved = true;
      });
      clock.tick(100);
      await Promise.resolve();
      expect(resolved).toBe(false);
      clock.tick(116);
      await p;
      expect(resolved).toBe(true);
      expect(clock.frames).toBe(5);
    });

    it('should wait one frame by default', async () => {
      const clock = new FrameClock();
      let resolved = false;
      const p = clock.afterFrames().then(() => {
        resolved = true;
      });
      await Promise.resolve();
      expect(resolved).toBe(false);
      clock.tick(0);
      await p;
      expect(resolved).toBe(true);
    });

    it('should resolve waiters in frame order, ties in call order', async () => {
      const clock = new FrameClock();
      const order: string[] = [];
      const all = [
        clock.afterFrames(3).then(() => order.push('3a')),
        clock.afterFrames(1).then(() => order.push('1a')),
        clock.afterFrames(2).then(() => order.push('2')),
        clock.afterFrames(1).then(() => order.push('1b')),
        clock.afterFrames(3).then(() => order.push('3b')),
      ];
      clock.tick(0);
      await Promise.resolve();
      expect(order).toEqual(['1a', '1b']);
      run(clock, 5, 16);
      await Promise.all(all);
      expect(order).toEqual(['1a', '1b', '2', '3a', '3b']);
    });

    it('should resolve everything due at once when frames are counted in one go', async () => {
      const clock = new FrameClock();
      const order: number[] = [];
      const all = [5, 2, 4].map((n) => clock.afterFrames(n).then(() => order.push(n)));
      run(clock, 5, 16);
      await Promise.all(all);
      expect(order).toEqual([2, 4, 5]);
    });

    it('should count from the frame it was asked at', async () => {
      const clock = new FrameClock();
      run(clock, 10, 16);
      const p = clock.afterFrames(1);
      let done = false;
      void p.then(() => (done = true));
      await Promise.resolve();
      expect(done).toBe(false);
      clock.tick(1000);
      await p;
      expect(done).toBe(true);
    });
  });
});
