/**
 * Boverket's use codes (användningar) for detaljplaner: the designation, its Swedish name, where
 * it applies (kvartersmark, allmän plats, vattenområde) and the colour Boverket's general advice
 * gives it (BFS 2020:6, "kan vid färgläggning ges … färg"), plus a classifier from regulation text
 * for plans whose catalogue reference is unknown.
 *
 * `evidence: 'catalogue'` marks entries read in Boverket's Planbestämmelsekatalogen, release
 * 20251201 (its `beteckning`, `kategori` and `farg`, and the allmänna råd text naming the colour):
 * in ../shared/data/boverket-planbestammelsekatalog-subset, or in the full catalogue as copied in
 * the rita-detaljplan plugin (commit 741c480, `rita_detaljplan/data/planbestammelsekatalog.json`).
 * `evidence: 'advice'` marks older or derived designations whose colour we did not find in the
 * catalogue: S (Skola) by our reading of BFS 2020:6; GÅNG, CYKEL, LOKALGATA, HUVUDGATA, PLATS and
 * PARKERING (an "annan allmän plats" is designated by its use in capitals) take the light grey
 * that the catalogue gives other traffic areas and "annan allmän plats".
 */
import type { LandUseForm } from './plan-document';

export interface UseCodeInfo {
  /** The designation without numbering, e.g. `B`, `GATA`. */
  code: string;
  /** Boverket's name of the use, Swedish. */
  name: string;
  landUse: LandUseForm;
  /** Boverket colour name (see ./palette). */
  colour: string;
  evidence: 'catalogue' | 'advice';
}

const KM: LandUseForm = 'kvartersmark';
const AP: LandUseForm = 'allmän plats';
const VO: LandUseForm = 'vattenområde';

const TABLE: readonly UseCodeInfo[] = [
  // Kvartersmark
  { code: 'B', name: 'Bostäder', landUse: KM, colour: 'Gul', evidence: 'catalogue' },
  { code: 'C', name: 'Centrum', landUse: KM, colour: 'Brun', evidence: 'catalogue' },
  { code: 'D', name: 'Vård', landUse: KM, colour: 'Röd', evidence: 'catalogue' },
  { code: 'E', name: 'Tekniska anläggningar', landUse: KM, colour: 'Blågrå', evidence: 'catalogue' },
  { code: 'F', name: 'Flygtrafik', landUse: KM, colour: 'Grå', evidence: 'catalogue' },
  { code: 'G', name: 'Drivmedel', landUse: KM, colour: 'Grå', evidence: 'catalogue' },
  { code: 'H', name: 'Detaljhandel', landUse: KM, colour: 'Brun', evidence: 'catalogue' },
  { code: 'J', name: 'Industri', landUse: KM, colour: 'Blågrå', evidence: 'catalogue' },
  { code: 'K', name: 'Kontor', landUse: KM, colour: 'Brun', evidence: 'catalogue' },
  { code: 'L', name: 'Odling och djurhållning', landUse: KM, colour: 'Grön', evidence: 'catalogue' },
  { code: 'M', name: 'Begravningsplats', landUse: KM, colour: 'Lila', evidence: 'catalogue' },
  { code: 'N', name: 'Friluftsliv och camping', landUse: KM, colour: 'Grön', evidence: 'catalogue' },
  { code: 'O', name: 'Tillfällig vistelse', landUse: KM, colour: 'Orange', evidence: 'catalogue' },
  { code: 'P', name: 'Parkering', landUse: KM, colour: 'Grå', evidence: 'catalogue' },
  { code: 'R', name: 'Besöksanläggningar', landUse: KM, colour: 'Orange', evidence: 'catalogue' },
  { code: 'S', name: 'Skola', landUse: KM, colour: 'Röd', evidence: 'advice' },
  { code: 'T', name: 'Trafik', landUse: KM, colour: 'Grå', evidence: 'catalogue' },
  { code: 'U', name: 'Räddningstjänst och annat samhällsviktigt ändamål', landUse: KM, colour: 'Röd', evidence: 'catalogue' },
  { code: 'V', name: 'Hamn', landUse: KM, colour: 'Grå', evidence: 'catalogue' },
  { code: 'Z', name: 'Verksamheter', landUse: KM, colour: 'Beige', evidence: 'catalogue' },
  // Allmän plats
  { code: 'GATA', name: 'Gata', landUse: AP, colour: 'Ljusgrå', evidence: 'catalogue' },
  { code: 'TORG', name: 'Torg', landUse: AP, colour: 'Ljusgrå', evidence: 'catalogue' },
  { code: 'VÄG', name: 'Väg', landUse: AP, colour: 'Ljusgrå', evidence: 'catalogue' },
  { code: 'GCVÄG', name: 'Gång- och cykelväg', landUse: AP, colour: 'Ljusgrå', evidence: 'catalogue' },
  { code: 'GÅNG', name: 'Gångtrafik', landUse: AP, colour: 'Ljusgrå', evidence: 'advice' },
  { code: 'CYKEL', name: 'Cykeltrafik', landUse: AP, colour: 'Ljusgrå', evidence: 'advice' },
  { code: 'LOKALGATA', name: 'Lokalgata (äldre beteckning)', landUse: AP, colour: 'Ljusgrå', evidence: 'advice' },
  { code: 'HUVUDGATA', name: 'Huvudgata (äldre beteckning)', landUse: AP, colour: 'Ljusgrå', evidence: 'advice' },
  { code: 'PLATS', name: 'Plats (annan allmän plats)', landUse: AP, colour: 'Ljusgrå', evidence: 'advice' },
  { code: 'PARKERING', name: 'Parkering (annan allmän plats)', landUse: AP, colour: 'Ljusgrå', evidence: 'advice' },
  { code: 'PARK', name: 'Park', landUse: AP, colour: 'Ljusgrön', evidence: 'catalogue' },
  { code: 'NATUR', name: 'Natur', landUse: AP, colour: 'Ljusgrön', evidence: 'catalogue' },
  { code: 'SKYDD', name: 'Skydd', landUse: AP, colour: 'Ljusgrön', evidence: 'catalogue' },
  // Vattenområde
  { code: 'W', name: 'Vattenområde', landUse: VO, colour: 'Blå', evidence: 'catalogue' },
];

const BY_CODE = new Map(TABLE.map((e) => [e.code, e]));

/** Every known use code. */
export function listUseCodes(): readonly UseCodeInfo[] {
  return TABLE;
}

/**
 * A designation as written on the plan (`R1`, `GATA2`, `B#`, `bc`) → the use code without
 * numbering, upper-case (`R`, `GATA`, `B`, `BC`).
 */
export function normaliseUseCode(designation: string): string {
  return designation.trim().toLocaleUpperCase('sv').replace(/[#\s]/g, '').replace(/[\d₀-₉]+$/, '');
}

/**
 * What is known about a use code. Combined kvartersmark codes (`BC`, `BK1`) take the first
 * use's entry, as plans colour a mixed block by its first-named use.
 */
export function useCodeInfo(designation: string): UseCodeInfo | undefined {
  const code = normaliseUseCode(designation);
  const exact = BY_CODE.get(code);
  if (exact) return exact;
  if (/^[A-ZÅÄÖ]{2,4}$/.test(code) && [...code].every((c) => BY_CODE.get(c)?.landUse === KM)) return BY_CODE.get(code[0]!);
  return undefined;
}

/** Regulation text → use code, tried in order (more specific first). */
const TEXT_RULES: readonly [RegExp, string | ((landUse?: LandUseForm) => string)][] = [
  [/^bost[äa]d/i, 'B'],
  [/^centrum/i, 'C'],
  [/^v[åa]rd/i, 'D'],
  [/^tekniska?\s+anl[äa]ggning/i, 'E'],
  [/^flyg/i, 'F'],
  [/^drivmedel/i, 'G'],
  [/^(detalj)?handel/i, 'H'],
  [/^industri|^lager/i, 'J'],
  [/^kontor/i, 'K'],
  [/^odling|^jordbruk|djurh[åa]llning/i, 'L'],
  [/^begravning/i, 'M'],
  [/^friluftsliv|^camping/i, 'N'],
  [/^tillf[äa]llig\s+vistelse|^hotell/i, 'O'],
  [/^parkering/i, (l) => (l === AP ? 'PARKERING' : 'P')],
  [/^bes[öo]ksanl[äa]ggning|^idrott|^sport|^kultur|^motorsport|^bygdeg[åa]rd/i, 'R'],
  [/^skola|^f[öo]rskola|^utbildning/i, 'S'],
  [/^trafik/i, 'T'],
  [/^r[äa]ddningstj[äa]nst|samh[äa]llsviktig/i, 'U'],
  [/^hamn/i, 'V'],
  [/^verksamhet/i, 'Z'],
  [/^huvudgata/i, 'HUVUDGATA'],
  [/^lokalgata/i, 'LOKALGATA'],
  [/^gata\b|^gator\b/i, 'GATA'],
  [/^torg/i, 'TORG'],
  [/^g[åa]ng-?\s+och\s+cykel/i, 'GCVÄG'],
  [/^g[åa]ng/i, 'GÅNG'],
  [/^cykel/i, 'CYKEL'],
  [/^v[äa]g\b/i, 'VÄG'],
  [/^park\b/i, 'PARK'],
  [/^natur/i, 'NATUR'],
  [/^skydd|^[öo]versv[äa]mning/i, 'SKYDD'],
  [/^[öo]ppet\s+vatten|^vattenomr[åa]de/i, 'W'],
];

/**
 * A use code from the regulation text of an användningsbestämmelse ("Bostäder" → `B`,
 * "Lokalgata" → `LOKALGATA`, "Park" → `PARK`, "Industri" → `J`, …), or `undefined`.
 * @param landUse where the provision applies, when known (parkering is `P` on kvartersmark,
 *   `PARKERING`, an annan allmän plats, on allmän plats)
 */
export function classifyUseText(text: string, landUse?: LandUseForm): string | undefined {
  const t = text.trim();
  for (const [re, code] of TEXT_RULES) if (re.test(t)) return typeof code === 'string' ? code : code(landUse);
  return undefined;
}
