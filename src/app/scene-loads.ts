/**
 * The load lifecycle of scenes behind `window.twin`: the latest `loadScene` call always wins
 * (an earlier one still in flight is dropped when it finishes, whatever the order the network
 * answers in), and whatever needs a scene waits for the load in flight and then follows the
 * scene shown, not the first one ever asked for.
 */

/** The steps of one load; the controller decides whether each result may still be shown. */
export interface SceneLoadSteps<T> {
  /** Fetches and validates; throws with the reason. */
  resolve(source: unknown): Promise<T>;
  /** Replaces the scene shown (synchronously). */
  show(resolved: T): void;
  /** Work after showing (the start view); `isCurrent()` turns false once a later load starts. */
  afterShow(resolved: T, isCurrent: () => boolean): Promise<void> | void;
  /** Reports why the latest load failed (the on-screen banner). */
  fail(message: string): void;
  /** Whether a scene is shown now. */
  hasScene(): boolean;
}

interface LoadRecord {
  readonly generation: number;
  pending: boolean;
  /** Settles when the load has shown its scene (`null`) or failed (the error); never rejects. */
  readonly done: Promise<Error | null>;
}

/** The rejection of a `loadScene` that a later call replaced before it was shown. */
export function replacedError(what: string): Error {
  return Object.assign(new Error(`loadScene(${what}) was replaced by a later loadScene call before it finished`), { name: 'AbortError' });
}

/** What a load is of, for messages: the URL, or the document's title. */
export function describeSource(source: unknown): string {
  if (typeof source === 'string') return source;
  const title = (source as { title?: unknown } | null)?.title;
  return typeof title === 'string' ? JSON.stringify(title) : 'a scene document';
}

export class SceneLoads<T> {
  /** Increments with every `load` call: the latest call's number. */
  private generationCount = 0;
  private latest: LoadRecord | null = null;
  /** Why the latest load failed, while no later one has succeeded. */
  private lastError: Error | null = null;
  private resolveFirst!: () => void;
  private rejectFirst!: (e: Error) => void;
  /**
   * Settles once the first load (or the load that replaced it) has settled: resolves when a
   * scene is shown then, rejects with the reason when none is.
   */
  readonly first: Promise<void>;

  constructor(private readonly steps: SceneLoadSteps<T>) {
    this.first = new Promise<void>((resolve, reject) => {
      this.resolveFirst = resolve;
      this.rejectFirst = reject;
    });
    this.first.catch(() => {}); // the reason is shown on screen; callers read it from the promise
  }

  /** The number of the latest `load` call (0 before any). */
  get generation(): number {
    return this.generationCount;
  }

  /** Whether a load is in flight. */
  get loading(): boolean {
    return this.latest?.pending ?? false;
  }

  /**
   * Loads a scene. Resolves once it is shown and its start view applied; rejects with the
   * reason, or with an `AbortError` when a later call replaced it before it was shown.
   */
  load(source: unknown): Promise<void> {
    const generation = ++this.generationCount;
    const isCurrent = () => generation === this.generationCount;
    const run = (async () => {
      const resolved = await this.steps.resolve(source);
      if (!isCurrent()) throw replacedError(describeSource(source));
      this.steps.show(resolved);
      await this.steps.afterShow(resolved, isCurrent);
    })();
    const record: LoadRecord = {
      generation,
      pending: true,
      done: run.then(
        () => null,
        (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
      ),
    };
    void record.done.then((error) => {
      record.pending = false;
      if (!isCurrent()) return; // a later call decides what is shown and what is reported
      this.lastError = error;
      if (error) this.steps.fail(error.message);
    });
    const isFirst = this.latest === null;
    this.latest = record;
    if (isFirst) this.settled().then(this.resolveFirst, this.rejectFirst);
    return run;
  }

  /**
   * Waits for the loads in flight (including any started while waiting), then resolves when a
   * scene is shown; rejects with the reason of the last failed load when none is.
   */
  async settled(): Promise<void> {
    for (let record = this.latest; record; ) {
      await record.done;
      if (record === this.latest) break;
      record = this.latest;
    }
    if (!this.steps.hasScene()) throw this.lastError ?? new Error('no scene has been loaded');
  }

  /**
   * For work aimed at "the scene being loaded now, or else the one shown" (e.g. `addLayer`):
   * waits for the load in flight, if any, and returns the generation the work belongs to.
   * Rejects when that load fails or is replaced.
   */
  async target(): Promise<number> {
    const record = this.latest;
    if (!record?.pending) return this.generationCount;
    const error = await record.done;
    if (record.generation !== this.generationCount) throw new Error('the scene it was meant for was replaced by a later loadScene call');
    if (error) throw new Error(`the scene it was meant for did not load: ${error.message}`, { cause: error });
    return record.generation;
  }
}
