/**
 * Where the scene comes from, as the page shows it: a scene from another origin is labelled with
 * that origin, and a `?scene=` link to an origin the site does not allow is refused with a notice
 * (see src/app/scene-origin.ts for the policy).
 */
import { createStore } from 'zustand/vanilla';

export interface SceneSourceState {
  /** The origin (or scheme, e.g. 'data:') of a refused `?scene=`, until dismissed. */
  refused: string | null;
  setRefused(origin: string | null): void;
}

export const sceneSourceStore = createStore<SceneSourceState>()((set) => ({
  refused: null,
  setRefused: (refused) => set({ refused }),
}));

/** The origin of `url` when it is not the page's own ('https://plans.example'), else null. */
export function foreignOrigin(url: string, pageUrl: string): string | null {
  try {
    const u = new URL(url, pageUrl);
    const own = new URL(pageUrl).origin;
    if (u.origin === own) return null;
    return u.origin === 'null' ? u.protocol : u.origin;
  } catch {
    return null;
  }
}
