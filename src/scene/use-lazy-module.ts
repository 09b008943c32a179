/**
 * Loads a module the first time `wanted` is true (a feature few visitors use stays out of the
 * first screen's code) and returns it, or `null` until it has loaded. A failure is logged with
 * `what` and the feature stays off.
 */
import { useEffect, useState } from 'react';

export function useLazyModule<T>(wanted: boolean, load: () => Promise<T>, what: string): T | null {
  const [module, setModule] = useState<T | null>(null);
  useEffect(() => {
    if (!wanted || module) return;
    let alive = true;
    load().then(
      (m) => alive && setModule(() => m),
      (e: unknown) => console.error(`${what} could not be loaded:`, e),
    );
    return () => {
      alive = false;
    };
  }, [wanted, module, load, what]);
  return module;
}
