/**
 * Counts rendered frames, keeps a rolling mean of frame time, and resolves promises after
 * a number of frames. Fed once per rendered frame by the canvas; allocation-free per frame.
 */
const WINDOW = 60;

export class FrameClock {
  /** Frames rendered so far. */
  frames = 0;
  private readonly samples = new Float64Array(WINDOW);
  private sampleCount = 0;
  private sum = 0;
  private last = -1;
  private waiters: { frame: number; resolve: () => void }[] = [];

  /** Call after each rendered frame with `performance.now()` milliseconds. */
  tick(nowMs: number): void {
    if (this.last >= 0) {
      const dt = nowMs - this.last;
      const slot = this.frames % WINDOW;
      this.sum += dt - this.samples[slot]!;
      this.samples[slot] = dt;
      if (this.sampleCount < WINDOW) this.sampleCount++;
    }
    this.last = nowMs;
    this.frames++;
    if (this.waiters.length > 0 && this.waiters[0]!.frame <= this.frames) {
      const due = this.waiters.filter((w) => w.frame <= this.frames);
      this.waiters = this.waiters.filter((w) => w.frame > this.frames);
      for (const w of due) w.resolve();
    }
  }

  /** Mean interval between the last (up to) 60 frames, milliseconds; 0 before two frames. */
  meanFrameMs(): number {
    return this.sampleCount === 0 ? 0 : this.sum / this.sampleCount;
  }

  /** Resolves once `count` more frames have been rendered. */
  afterFrames(count = 1): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push({ frame: this.frames + count, resolve });
      this.waiters.sort((a, b) => a.frame - b.frame);
    });
  }
}
