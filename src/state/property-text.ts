/**
 * A feature property's value as the info panels show it (desktop and XR alike): numbers in the
 * reader's language with at most two decimals, booleans as ✓/✗, missing values as –, anything
 * else as JSON. Plain text, never markup.
 */
import { formatNumber, type NumberLang } from '../shared/format-number';

export function formatPropertyValue(value: unknown, lang: NumberLang): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') return formatNumber(value, lang);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return JSON.stringify(value) ?? String(value);
}
