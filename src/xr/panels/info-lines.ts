/**
 * The picked feature as lines of text for the in-scene info panel: the same fields as the
 * desktop info panel (name, layer, every property, position), formatted the same way. Pure;
 * the text is drawn with canvas `fillText`, never parsed as markup.
 */
import { formatPlanValue, type PlanLang } from '../../sources/plans/format-value';
import { PROVISION_KIND_NAMES, PROVISION_KIND_ORDER } from '../../sources/plans/provision-kinds';
import { formatPropertyValue } from '../../state/property-text';
import type { PickedFeature } from '../../state/selection-store';

export interface InfoLines {
  title: string;
  subtitle: string;
  rows: [string, string][];
  footer: string;
}

/** Longest value shown in one row, characters (the rest is cut with an ellipsis). */
export const MAX_VALUE_CHARS = 48;
/** Most property rows shown. */
export const MAX_ROWS = 14;


function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Splits text into lines of at most `max` characters at spaces. */
export function wrapText(text: string, max: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (line && line.length + 1 + word.length > max) {
      out.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : cut(word, max);
  }
  if (line) out.push(line);
  return out;
}

/** Characters per line of a regulation text in the panel's text column. */
export const REGULATION_WRAP = 30;

const KIND_SHORT: Record<string, Record<PlanLang, string>> = {
  [PROVISION_KIND_NAMES.användning]: { sv: 'Användning', en: 'Use' },
  [PROVISION_KIND_NAMES.egenskap]: { sv: 'Egenskap', en: 'Property' },
  [PROVISION_KIND_NAMES.administrativ]: { sv: 'Adm.', en: 'Admin.' },
};

/**
 * A picked plan area as the desktop's regulation panel shows it: the plan's name and status,
 * then every regulation at the point (use, property, administrative) with its symbol, full
 * text (wrapped, not cut) and values in words.
 */
export function zoningInfoLines(picked: PickedFeature, lang: PlanLang): InfoLines {
  const features = picked.features ?? [picked.properties];
  const plan = features.find((f) => f.kind === 'detaljplan') ?? features[0] ?? {};
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const title = str(plan.planNamn) ?? picked.layerName;
  const subtitle = [lang === 'sv' ? 'Detaljplan' : 'Zoning plan', str(plan.planBeteckning), str(plan.planStatus)].filter(Boolean).join(' · ');
  const regulations = features
    .filter((f) => PROVISION_KIND_ORDER.includes(String(f.kind)))
    .sort((a, b) => PROVISION_KIND_ORDER.indexOf(String(a.kind)) - PROVISION_KIND_ORDER.indexOf(String(b.kind)));
  const rows: [string, string][] = [];
  for (const f of regulations) {
    const values = (Array.isArray(f.values) ? (f.values as { value: unknown; unit?: string; valueType?: string }[]) : [])
      .filter((v) => v.value !== undefined && v.value !== '')
      .map((v) => formatPlanValue(v, lang));
    const text = `${str(f.bestammelseformulering) ?? ''}${values.length ? ` (${values.join(', ')})` : ''}`;
    const key = str(f.beteckning) ?? (f.prickmark === true ? '···' : KIND_SHORT[String(f.kind)]![lang]);
    wrapText(text, REGULATION_WRAP).forEach((line, i) => rows.push([i === 0 ? cut(key, 24) : '', line]));
  }
  const shown = rows.slice(0, MAX_ROWS * 2);
  if (rows.length > shown.length) shown.push(['…', `+${rows.length - shown.length}`]);
  return {
    title: cut(title, 40),
    subtitle: cut(subtitle, 48),
    rows: shown,
    footer: `${picked.at.lat.toFixed(5)}° N, ${picked.at.lon.toFixed(5)}° E`,
  };
}

export function infoLines(picked: PickedFeature, noData: string, lang: PlanLang = 'en'): InfoLines {
  if (picked.layerType === 'zoning') return zoningInfoLines(picked, lang);
  const name = picked.properties.name;
  const title = typeof name === 'string' && name ? name : picked.layerName;
  const entries = Object.entries(picked.properties);
  const rows: [string, string][] = entries.slice(0, MAX_ROWS).map(([k, v]) => [cut(k, 24), cut(formatPropertyValue(v, lang).replace(/\s+/g, ' '), MAX_VALUE_CHARS)]);
  if (entries.length > MAX_ROWS) rows.push(['…', `+${entries.length - MAX_ROWS}`]);
  if (entries.length === 0) rows.push([noData, '']);
  return {
    title: cut(title, 40),
    subtitle: title === picked.layerName ? '' : cut(picked.layerName, 48),
    rows,
    footer: `${picked.at.lat.toFixed(5)}° N, ${picked.at.lon.toFixed(5)}° E`,
  };
}
