/** UI preferences: language and which panels are open. */
import { createStore } from 'zustand/vanilla';

export type Lang = 'sv' | 'en';

export interface UiState {
  lang: Lang;
  setLang(lang: Lang): void;
}

export function detectLang(search: string, navigatorLang: string): Lang {
  const param = new URLSearchParams(search).get('lang');
  if (param === 'sv' || param === 'en') return param;
  return navigatorLang.toLowerCase().startsWith('sv') ? 'sv' : 'en';
}

export const uiStore = createStore<UiState>()((set) => ({
  lang: typeof location === 'undefined' ? 'en' : detectLang(location.search, navigator.language),
  setLang: (lang) => set({ lang }),
}));
