/** Metres and square metres as people read them: `12,4 m` and `1 234 m²` in Swedish, `12.4 m` and `1,234 m²` in English. */
import type { Lang } from './ui-store';

const formats = new Map<string, Intl.NumberFormat>();

function number(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(key, f);
  }
  return f;
}

/** A length: one decimal below 1 km, whole metres from 1 km (two decimals below 10 m). */
export function formatMetres(m: number, lang: Lang): string {
  const a = Math.abs(m);
  const digits = a < 10 ? 2 : a < 1000 ? 1 : 0;
  return `${number(lang, digits).format(m)} m`;
}

/** An area: whole square metres, one decimal below 100 m². */
export function formatSquareMetres(m2: number, lang: Lang): string {
  return `${number(lang, m2 < 100 ? 1 : 0).format(m2)} m²`;
}
