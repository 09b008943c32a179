/** Texts of the plan regulation panel, Swedish and English. Plan texts themselves are shown as written. */
import { useStore } from 'zustand';
import { formatPlanValue as formatValueIn } from '../../sources/plans/format-value';
import { uiStore, type Lang } from '../../state/ui-store';

const en = {
  plan: 'Zoning plan',
  use: 'Use of land and water',
  property: 'Design and extent',
  administrative: 'Administrative regulations',
  purpose: 'Purpose',
  noRegulation: 'No plan regulation applies here.',
  maxHeight: 'Maximum height',
  overGround: 'over the ground',
  overDatum: 'over the datum (RH 2000)',
  noBuild: 'No buildings may be built here',
  status: 'Status',
};

type Key = keyof typeof en;

const sv: Record<Key, string> = {
  plan: 'Detaljplan',
  use: 'Användning av mark och vatten',
  property: 'Utformning och omfattning',
  administrative: 'Administrativa bestämmelser',
  purpose: 'Syfte',
  noRegulation: 'Ingen planbestämmelse gäller här.',
  maxHeight: 'Högsta höjd',
  overGround: 'över marken',
  overDatum: 'över nollplanet (RH 2000)',
  noBuild: 'Marken får inte förses med byggnad',
  status: 'Status',
};

const texts: Record<Lang, Record<Key, string>> = { en, sv };

export type ZoningT = ((key: Key) => string) & { lang: Lang };

export function useZoningTexts(): ZoningT {
  const lang = useStore(uiStore, (s) => s.lang);
  return Object.assign((key: Key) => texts[lang][key], { lang });
}

/** A provision value in words, e.g. "högst 13 m". */
export function formatPlanValue(v: { value: unknown; unit?: string; valueType?: string }, t: ZoningT): string {
  return formatValueIn(v, t.lang);
}
