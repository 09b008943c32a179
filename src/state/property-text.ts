/**
 * A feature property's value as the info panels show it (desktop and XR alike): numbers with
 * two decimals unless whole, booleans as ✓/✗, missing values as –, anything else as JSON.
 * Plain text, never markup.
 */
export function formatPropertyValue(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return JSON.stringify(value) ?? String(value);
}
