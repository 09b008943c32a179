/**
 * Reading the regulation text of a provision: filling Boverket's `[variable:type]` placeholders
 * with the plan's values, and recognising what the zoning layer draws from it (maximum heights
 * in metres, prickmark).
 */
import { formatNumber } from '../../shared/format-number';
import type { HeightLimit, ProvisionValue } from './plan-document';

/** `[höjd:decimaltal]`, `[text:text]`, `[äldre bestämmelse:text]` … */
const PLACEHOLDER = /\[([^\]:[]+):([^\][]+)\]/g;

function normaliseName(name: string): string {
  return name.toLocaleLowerCase('sv').replace(/[^a-zåäö0-9]/g, '');
}

/** Writes a value as the plan would: in Swedish (`5500`, `12 000`, `14,5`), up to six decimals, none trailing. */
export function formatValue(value: ProvisionValue['value']): string {
  if (typeof value === 'number') return formatNumber(value, 'sv', 6);
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  return value;
}

/**
 * Fills `[name:type]` placeholders: by variable name first (case and punctuation ignored), then
 * the remaining values in order. Placeholders without a value stay as `[name]`.
 * @returns the filled text and whether any placeholder was left unfilled
 */
export function fillPlaceholders(template: string, values: readonly ProvisionValue[]): { text: string; unfilled: string[] } {
  const byName = new Map<string, ProvisionValue>();
  for (const v of values) if (v.name) byName.set(normaliseName(v.name), v);
  const used = new Set<ProvisionValue>();
  const unfilled: string[] = [];
  const slots: { name: string; value?: ProvisionValue }[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) {
    const name = m[1]!.trim();
    const v = byName.get(normaliseName(name));
    if (v && !used.has(v)) used.add(v);
    slots.push(v ? { name, value: v } : { name });
  }
  const rest = values.filter((v) => !used.has(v));
  let next = 0;
  for (const slot of slots) if (!slot.value && next < rest.length) slot.value = rest[next++];
  let i = 0;
  const text = template.replace(PLACEHOLDER, () => {
    const slot = slots[i++]!;
    if (slot.value) return formatValue(slot.value.value);
    unfilled.push(slot.name);
    return `[${slot.name}]`;
  });
  return { text, unfilled };
}

const HEIGHT_KINDS: readonly [RegExp, HeightLimit['kind']][] = [
  [/nockh[öo]jd/i, 'nockhöjd'],
  [/totalh[öo]jd/i, 'totalhöjd'],
  [/byggnadsh[öo]jd/i, 'byggnadshöjd'],
];

/** Text or code says the height is measured from the plan's zero level (RH 2000), not the ground. */
const OVER_NOLLPLAN = /nollplan|\+\s*\d|plush[öo]jd|över\s+(?:havet|h[öo]jdsystem|RH\s*2000)/i;
const MAXIMUM = /h[öo]gsta|st[öo]rsta|max/i;
const MINIMUM = /l[äa]gsta|minsta/i;

function parseNumber(text: string): number | undefined {
  const n = Number(text.replace(/\s/g, '').replace(',', '.').replace(/^\+/, ''));
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A maximum building height from a provision: its kind from the text or code (nockhöjd,
 * totalhöjd, byggnadshöjd), its value in metres from a `meter` value (or, failing that, the
 * first number in the text) and its reference (`nollplan` when the text or code says so,
 * otherwise `mark`). An exact height is also a maximum; minimum heights give `undefined`.
 * @param text the regulation text (filled or not)
 * @param code a provision code such as `DP_KM_Eg_Utform_Nockhojd_Meter`, when known
 */
export function recogniseHeightLimit(text: string, values: readonly ProvisionValue[], code = ''): HeightLimit | undefined {
  const haystack = `${text} ${code}`;
  const kind = HEIGHT_KINDS.find(([re]) => re.test(haystack))?.[1];
  if (!kind) return undefined;
  const metresValues = values.filter((v) => typeof v.value === 'number' && (!v.unit || /^m(eter)?$/i.test(v.unit)));
  const value = metresValues.find((v) => v.valueType === 'max') ?? metresValues.find((v) => v.valueType !== 'min');
  if (!value && metresValues.length > 0) return undefined;
  if (value?.valueType !== 'max' && MINIMUM.test(text) && !MAXIMUM.test(text)) return undefined;
  let metres = typeof value?.value === 'number' ? value.value : undefined;
  if (metres === undefined) {
    const m = /([+]?\s*\d+(?:[.,]\d+)?)\s*(?:m\b|meter)/i.exec(text) ?? /([+]?\s*\d+(?:[.,]\d+)?)/.exec(text);
    metres = m ? parseNumber(m[1]!) : undefined;
  }
  if (metres === undefined || metres <= 0) return undefined;
  return { kind, metres, reference: OVER_NOLLPLAN.test(haystack) ? 'nollplan' : 'mark' };
}

/**
 * Prickmark: "Marken får inte förses med byggnad" (or byggnadsverk), or an SS 637040 /
 * catalogue code naming prickmark. Korsmark ("får endast förses med …") is not.
 */
export function isNoBuild(text: string, code = ''): boolean {
  if (/prickmark/i.test(code)) return true;
  return /marken\s+f[åa]r\s+inte\s+f[öo]rses\s+med\s+byggnad(?:sverk)?\b/i.test(text);
}
