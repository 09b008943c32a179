/**
 * Timing of XR frames: the smoothed frame interval that `twin.xr().frameMs` reports, and the
 * adaptive quality loop fed with each interval, its factor applied to the tiles' error target.
 * Fed timestamps (milliseconds, `performance.now()`), so it runs the same under test.
 */
import type { AdaptiveQuality } from './adaptive-quality';

export interface XrFrameTimingTargets {
  /** Where the smoothed interval goes (`XrCounters.frameMs`), milliseconds. */
  counters: { frameMs: number };
  quality: AdaptiveQuality;
  /** The engine's tile quality: its `errorScale` becomes `baseErrorScale × quality.factor`. */
  tileQuality: { errorScale: number };
  /** The XR profile's error-target multiplier before the adaptive loop. */
  baseErrorScale: number;
}

export class XrFrameTiming {
  private last = 0;

  constructor(private readonly t: XrFrameTimingTargets) {}

  /** No XR frame now (not presenting): the next frame starts afresh, with no interval. */
  pause(): void {
    this.last = 0;
  }

  /** An XR frame at `nowMs`; returns the interval since the previous one (0 for the first). */
  frame(nowMs: number): number {
    const dtMs = this.last > 0 ? nowMs - this.last : 0;
    this.last = nowMs;
    if (dtMs > 0) {
      const c = this.t.counters;
      c.frameMs = c.frameMs === 0 ? dtMs : c.frameMs * 0.9 + dtMs * 0.1;
      if (this.t.quality.sample(dtMs)) this.t.tileQuality.errorScale = this.t.baseErrorScale * this.t.quality.factor;
    }
    return dtMs;
  }
}
