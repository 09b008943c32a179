/**
 * Numbers as people read them, in Swedish or English: digits grouped from five digits on
 * (`5500`, `55 000`, `55,000`, as Swedish style writes them), the language's decimal sign
 * (`14,5`, `14.5`), no trailing zeros. The one number formatter of the app: plan texts,
 * regulation values and feature properties all go through it.
 */
export type NumberLang = 'sv' | 'en';

const LOCALES: Record<NumberLang, string> = { sv: 'sv-SE', en: 'en-GB' };
const formats = new Map<string, Intl.NumberFormat>();

/**
 * `value` in `lang` with at most `maxFractionDigits` decimals (rounded); `NaN` and infinities
 * as `–`, since data can hold them.
 */
export function formatNumber(value: number, lang: NumberLang, maxFractionDigits = 2): string {
  if (!Number.isFinite(value)) return '–';
  const key = `${lang}|${maxFractionDigits}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: maxFractionDigits, useGrouping: 'min2' })));
  return format.format(value);
}
