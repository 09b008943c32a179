/** The XR menu's own texts, Swedish and English (the DOM i18n lives in `src/ui`, above `src/xr`). */
import type { Lang } from '../../state/ui-store';

const en = {
  menu: 'Menu',
  layers: 'Layers',
  proposal: 'Proposal',
  today: 'Today',
  viewpoints: 'Viewpoints',
  timeline: 'Timeline',
  scale: 'Scale',
  street: 'Street level',
  table: 'Table-top',
  exit: 'Exit VR',
  exitAr: 'Exit AR',
  close: 'Close',
  noData: 'This feature has no data.',
};

export type XrMessageKey = keyof typeof en;

const sv: Record<XrMessageKey, string> = {
  menu: 'Meny',
  layers: 'Lager',
  proposal: 'Förslag',
  today: 'Idag',
  viewpoints: 'Vyer',
  timeline: 'Tidslinje',
  scale: 'Skala',
  street: 'Gatunivå',
  table: 'Bordsmodell',
  exit: 'Lämna VR',
  exitAr: 'Lämna AR',
  close: 'Stäng',
  noData: 'Objektet saknar data.',
};

const messages: Record<Lang, Record<XrMessageKey, string>> = { en, sv };

export function xrText(lang: Lang, key: XrMessageKey): string {
  return messages[lang][key];
}
