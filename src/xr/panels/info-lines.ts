/**
 * The picked feature as lines of text for the in-scene info panel: the same fields as the
 * desktop info panel (name, layer, every property, position), formatted the same way. Pure;
 * the text is drawn with canvas `fillText`, never parsed as markup.
 */
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

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return JSON.stringify(value) ?? String(value);
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function infoLines(picked: PickedFeature, noData: string): InfoLines {
  const name = picked.properties.name;
  const title = typeof name === 'string' && name ? name : picked.layerName;
  const entries = Object.entries(picked.properties);
  const rows: [string, string][] = entries.slice(0, MAX_ROWS).map(([k, v]) => [cut(k, 24), cut(formatValue(v).replace(/\s+/g, ' '), MAX_VALUE_CHARS)]);
  if (entries.length > MAX_ROWS) rows.push(['…', `+${entries.length - MAX_ROWS}`]);
  if (entries.length === 0) rows.push([noData, '']);
  return {
    title: cut(title, 40),
    subtitle: title === picked.layerName ? '' : cut(picked.layerName, 48),
    rows,
    footer: `${picked.at.lat.toFixed(5)}° N, ${picked.at.lon.toFixed(5)}° E`,
  };
}
