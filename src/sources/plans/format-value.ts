/**
 * A regulation's value in words, as the plan map's legend writes it ("högst 14 m",
 * "at most 40 %"). Shared by the desktop info panel and the in-scene XR panel.
 */
import { formatNumber, type NumberLang } from '../../shared/format-number';

export type PlanLang = NumberLang;

/** Units as the legend abbreviates them, by the plan's (lower-case) unit name; a Map, since the names come from data. */
const UNITS = new Map([['meter', 'm'], ['metre', 'm'], ['m', 'm'], ['procent', '%'], ['kvadratmeter', 'm²'], ['m2', 'm²'], ['år', 'år'], ['grader', '°']]);
const WORDS: Record<PlanLang, { max: string; min: string; years: string }> = {
  sv: { max: 'högst', min: 'minst', years: 'år' },
  en: { max: 'at most', min: 'at least', years: 'years' },
};

export function formatPlanValue(v: { value: unknown; unit?: string; valueType?: string }, lang: PlanLang): string {
  const words = WORDS[lang];
  let unit = v.unit ? (UNITS.get(v.unit.toLowerCase()) ?? v.unit) : '';
  if (unit === 'år') unit = words.years;
  const prefix = v.valueType === 'max' ? `${words.max} ` : v.valueType === 'min' ? `${words.min} ` : '';
  const value = typeof v.value === 'number' ? formatNumber(v.value, lang) : String(v.value);
  const glue = unit === '%' || unit === '°' ? '' : ' ';
  return `${prefix}${value}${unit ? `${glue}${unit}` : ''}`;
}
