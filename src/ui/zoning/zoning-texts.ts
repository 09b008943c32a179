/** Texts of the plan regulation panel, Swedish and English. Plan texts themselves are shown as written. */
import { useStore } from 'zustand';
import { uiStore, type Lang } from '../../state/ui-store';

const en = {
  plan: 'Zoning plan',
  use: 'Use of land and water',
  property: 'Design and extent',
  administrative: 'Administrative regulations',
  noRegulation: 'No plan regulation applies here.',
};

type Key = keyof typeof en;

const sv: Record<Key, string> = {
  plan: 'Detaljplan',
  use: 'Användning av mark och vatten',
  property: 'Utformning och omfattning',
  administrative: 'Administrativa bestämmelser',
  noRegulation: 'Ingen planbestämmelse gäller här.',
};

const texts: Record<Lang, Record<Key, string>> = { en, sv };

export type ZoningT = ((key: Key) => string) & { lang: Lang };

export function useZoningTexts(): ZoningT {
  const lang = useStore(uiStore, (s) => s.lang);
  return Object.assign((key: Key) => texts[lang][key], { lang });
}
