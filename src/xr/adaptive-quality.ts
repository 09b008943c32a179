/**
 * The XR frame-budget loop: raises the tiles' error-target factor when XR frames run long and
 * lowers it again when there is headroom, with hysteresis so it does not oscillate. Pure: fed
 * one frame interval at a time, allocation-free.
 */

export interface AdaptiveQualityOptions {
  /** Frame budget, milliseconds (13.9 at 72 Hz, 11.1 at 90 Hz). */
  budgetMs: number;
  /** Frames averaged before each decision. */
  window: number;
  /** Raise the factor when the mean frame exceeds `budgetMs × raiseAbove`. */
  raiseAbove: number;
  /** Lower it when the mean frame is under `budgetMs × lowerBelow` for `calmWindows` windows in a row. */
  lowerBelow: number;
  calmWindows: number;
  /** Multiplicative step of the factor. */
  step: number;
  /** Largest factor (the error target is never raised beyond base × max). */
  max: number;
}

export const DEFAULT_ADAPTIVE: AdaptiveQualityOptions = {
  budgetMs: 1000 / 72,
  window: 30,
  raiseAbove: 1.1,
  lowerBelow: 0.75,
  calmWindows: 3,
  step: 1.25,
  max: 4,
};

export class AdaptiveQuality {
  /** Current multiplier of every tiles layer's error target, 1…`max`. */
  factor = 1;
  /** When `false`, `sample` records nothing and the factor stays where it is. */
  enabled = true;
  private readonly o: AdaptiveQualityOptions;
  private sum = 0;
  private count = 0;
  private calm = 0;

  constructor(options: Partial<AdaptiveQualityOptions> = {}) {
    this.o = { ...DEFAULT_ADAPTIVE, ...options };
  }

  /** Frame budget, milliseconds; e.g. from the session's frame rate. */
  setBudget(budgetMs: number): void {
    if (Number.isFinite(budgetMs) && budgetMs > 0) this.o.budgetMs = budgetMs;
  }

  get budgetMs(): number {
    return this.o.budgetMs;
  }

  /** Back to factor 1 with no history (on entering a session). */
  reset(): void {
    this.factor = 1;
    this.sum = 0;
    this.count = 0;
    this.calm = 0;
  }

  /** Records one frame interval (milliseconds); returns `true` when the factor changed. */
  sample(frameMs: number): boolean {
    if (!this.enabled || !(frameMs > 0) || frameMs > 1000) return false;
    this.sum += frameMs;
    if (++this.count < this.o.window) return false;
    const mean = this.sum / this.count;
    this.sum = 0;
    this.count = 0;
    const o = this.o;
    if (mean > o.budgetMs * o.raiseAbove) {
      this.calm = 0;
      const next = Math.min(o.max, this.factor * o.step);
      if (next === this.factor) return false;
      this.factor = next;
      return true;
    }
    if (mean < o.budgetMs * o.lowerBelow) {
      if (++this.calm < o.calmWindows) return false;
      this.calm = 0;
      const next = Math.max(1, this.factor / o.step);
      if (next === this.factor) return false;
      this.factor = next;
      return true;
    }
    this.calm = 0;
    return false;
  }
}
