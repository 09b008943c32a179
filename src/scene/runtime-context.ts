/** React access to the app runtime (stores + engine). */
import { createContext, useContext } from 'react';
import type { Runtime } from '../engine/runtime';

export const RuntimeContext = createContext<Runtime | null>(null);

/** The runtime; throws a clear error outside `<RuntimeContext.Provider>`. */
export function useRuntime(): Runtime {
  const rt = useContext(RuntimeContext);
  if (!rt) throw new Error('useRuntime() must be used inside <RuntimeContext.Provider>');
  return rt;
}
