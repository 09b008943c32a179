/**
 * SS 637040:2016 regulation codes (`bestammelsetyp`, `anvandningsslag`; Boverket's 2016
 * catalogue, e.g. `DP_KM_Eg_Utform_Nockhojd_Meter`) → text templates and units.
 *
 * The SS 637040 file carries only the code and its variables, not the regulation text. The
 * templates below state each code's meaning in the style of Boverket's formulations; they are our
 * wording, not quotations of the 2016 catalogue. Unknown codes are read from their parts.
 */

export interface Ss637040Code {
  /** Text with `[variable:type]` placeholders, filled from the provision's `variabel` list. */
  template: string;
  /** Unit of the numeric variables, when the code fixes one. */
  unit?: string;
  /** Whether the numeric value is a maximum, minimum or exact value. */
  valueType?: 'min' | 'max' | 'exakt';
}

const CODES: Readonly<Record<string, Ss637040Code>> = {
  DP_KM_Eg_Utform_Nockhojd_Meter: { template: 'Högsta nockhöjd är [hojd:decimaltal] meter.', unit: 'meter', valueType: 'max' },
  DP_KM_Eg_Utform_Nockhojd_Plushojd: { template: 'Högsta nockhöjd är [hojd:decimaltal] meter över nollplanet.', unit: 'meter', valueType: 'max' },
  DP_KM_Eg_Utform_Totalhojd_Meter: { template: 'Högsta totalhöjd är [hojd:decimaltal] meter.', unit: 'meter', valueType: 'max' },
  DP_KM_Eg_Utform_Totalhojd_Plushojd: { template: 'Högsta totalhöjd är [hojd:decimaltal] meter över nollplanet.', unit: 'meter', valueType: 'max' },
  DP_KM_Eg_Utform_Byggnadshojd_Meter: { template: 'Högsta byggnadshöjd är [hojd:decimaltal] meter.', unit: 'meter', valueType: 'max' },
  DP_KM_Eg_Omfatt_Prickmark: { template: 'Marken får inte förses med byggnad.' },
  DP_KM_Eg_Omfatt_Korsmark_A: { template: 'Marken får endast förses med [komplementbyggnad:text]' },
  DP_KM_Eg_Omfatt_Byggnadsarea_Kvm: { template: 'Största byggnadsarea är [exploatering:decimaltal] m².', unit: 'kvadratmeter', valueType: 'max' },
  DP_KM_Ad_Markres_Underjord: { template: 'Markreservat för allmännyttiga underjordiska ledningar.' },
  DP_PO_Ad_Genomforande: { template: 'Genomförandetiden är [antal:heltal] år från den dag planen vinner laga kraft.', unit: 'år', valueType: 'exakt' },
  DP_PO_Ad_Strandskydd: { template: 'Strandskyddet är upphävt.' },
};

/** Use texts of `anvandningsslag` codes whose wording differs from the use code's name. */
const USE_TEXTS: Readonly<Record<string, string>> = {
  DP_AP_Ko_Cykelmoped: 'Cykel- och mopedtrafik',
  DP_AP_Ko_Gang: 'Gångtrafik',
  DP_AP_Ko_Gata: 'Gata',
  DP_AP_Ko_Natur: 'Natur',
  DP_AP_Ko_Park: 'Park',
  DP_AP_Ko_Torg: 'Torg',
};

/** What is known about a `bestammelsetyp` code, or a template guessed from its parts. */
export function ss637040Code(code: string): { known: boolean } & Ss637040Code {
  // the code comes from the file: only our own entries count, never the object's built-ins
  const known = Object.hasOwn(CODES, code) ? CODES[code] : undefined;
  if (known) return { known: true, ...known };
  const unit = /_Meter$/i.test(code) ? 'meter' : /_Kvm$/i.test(code) ? 'kvadratmeter' : /_Procent$/i.test(code) ? 'procent' : /Genomforande/i.test(code) ? 'år' : undefined;
  const guess: Ss637040Code = { template: `Bestämmelse ${code}.` };
  if (/Nockhojd|Totalhojd|Byggnadshojd/i.test(code)) {
    const kind = /Nockhojd/i.test(code) ? 'nockhöjd' : /Totalhojd/i.test(code) ? 'totalhöjd' : 'byggnadshöjd';
    guess.template = `Högsta ${kind} är [hojd:decimaltal] meter${/Plus|Nollplan/i.test(code) ? ' över nollplanet' : ''}.`;
    guess.valueType = 'max';
  } else if (/Prickmark/i.test(code)) {
    guess.template = 'Marken får inte förses med byggnad.';
  } else if (/Genomforande/i.test(code)) {
    guess.template = 'Genomförandetiden är [antal:heltal] år från den dag planen vinner laga kraft.';
  }
  if (unit) guess.unit = unit;
  return { known: false, ...guess };
}

/** The use text of an `anvandningsslag` code, when it has its own wording. */
export function ss637040UseText(code: string | undefined): string | undefined {
  return code && Object.hasOwn(USE_TEXTS, code) ? USE_TEXTS[code] : undefined;
}
