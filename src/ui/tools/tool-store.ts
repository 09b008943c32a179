/** Which planning tool's panel is open (one at a time, so they never cover each other). */
import { createStore } from 'zustand/vanilla';

export type ToolId = 'sun' | 'measure';

export const toolStore = createStore<{ open: ToolId | null; setOpen(open: ToolId | null): void }>()((set) => ({
  open: null,
  setOpen: (open) => set({ open }),
}));
