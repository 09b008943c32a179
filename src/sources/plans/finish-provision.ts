/**
 * The format-independent half of reading a provision: catalogue lookup, use code and colour,
 * land-use form, height limit and prickmark, with a warning for an unknown catalogue UUID.
 */
import type { LandUseForm, Provision } from './plan-document';
import { catalogueEntry, type CatalogueLookup } from './catalogue';
import { colourHex } from './palette';
import { isNoBuild, recogniseHeightLimit } from './provision-text';
import { classifyUseText, normaliseUseCode, useCodeInfo } from './use-codes';
import type { WarningList } from './warnings';

/** What a format parser knows about a provision before the shared rules run. */
export type ProvisionDraft = Pick<Provision, 'id' | 'planId' | 'kind' | 'text' | 'designation' | 'catalogueRef' | 'landUse' | 'values' | 'geometry' | 'verticalLimit' | 'regulates'> & {
  /** A regulation code (SS 637040 `bestammelsetyp`/`anvandningsslag`, or the catalogue's `kod`). */
  code?: string;
};

/** `Kvartersmark` → `kvartersmark`, …; `undefined` for `Planområdet` and unknown forms. */
export function landUseFromName(name: string | undefined): LandUseForm | undefined {
  const n = name?.trim().toLocaleLowerCase('sv');
  if (n === 'kvartersmark') return 'kvartersmark';
  if (n === 'allmän plats' || n === 'allman plats') return 'allmän plats';
  if (n === 'vattenområde' || n === 'vattenomrade') return 'vattenområde';
  return undefined;
}

/** The land-use form a Boverket code names: `DP_KM_…` kvartersmark, `DP_AP_…` allmän plats, `DP_VO_…` vattenområde. */
export function landUseFromCode(code: string | undefined): LandUseForm | undefined {
  const m = code ? /^DP_(KM|AP|VO)_/i.exec(code) : null;
  if (!m) return undefined;
  return m[1]!.toUpperCase() === 'KM' ? 'kvartersmark' : m[1]!.toUpperCase() === 'AP' ? 'allmän plats' : 'vattenområde';
}

function quote(text: string): string {
  const t = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `“${t}”`;
}

/**
 * Completes a provision: designation and land use from the catalogue when the file lacks them;
 * for användningsbestämmelser the use code (designation, catalogue, or failing both the text) and
 * its colour; for egenskapsbestämmelser the height limit and prickmark.
 */
export function finishProvision(draft: ProvisionDraft, catalogue: CatalogueLookup, warnings: WarningList): Provision {
  const entry = catalogueEntry(catalogue, draft.catalogueRef);
  const entryDesignation = entry?.beteckning && entry.beteckning !== '-' ? entry.beteckning.replace(/#/g, '') : undefined;
  const designation = draft.designation ?? entryDesignation;
  const code = draft.code ?? entry?.kod;
  let landUse = draft.landUse ?? landUseFromName(entry?.anvandningsform) ?? landUseFromCode(code);
  const p: Provision = {
    id: draft.id,
    planId: draft.planId,
    kind: draft.kind,
    text: draft.text,
    values: draft.values,
    geometry: draft.geometry,
  };
  if (designation) p.designation = designation;
  if (draft.catalogueRef) p.catalogueRef = draft.catalogueRef;

  if (draft.kind === 'användning') {
    let useCode: string | undefined;
    for (const candidate of [draft.designation, entryDesignation]) {
      if (!useCode && candidate && useCodeInfo(candidate)) useCode = normaliseUseCode(candidate);
    }
    if (!useCode) useCode = classifyUseText(draft.text, landUse);
    if (!useCode && (draft.designation ?? entryDesignation)) useCode = normaliseUseCode((draft.designation ?? entryDesignation)!);
    if (draft.catalogueRef && !entry) {
      const how = useCode ? `its use was read as ${useCode} from ${draft.designation ? `its designation ${draft.designation}` : `its text ${quote(draft.text)}`}` : `its use could not be read from its text ${quote(draft.text)}, so it has no colour`;
      warnings.add(draft.id, `Catalogue reference ${draft.catalogueRef} is not in the catalogue lookup (${catalogue.release ? `release ${catalogue.release}, ` : ''}${Object.keys(catalogue.entries).length} entries); ${how}.`);
    } else if (!useCode) {
      warnings.add(draft.id, `The use of ${quote(draft.text)} could not be recognised, so it has no colour.`);
    }
    const info = useCode ? useCodeInfo(useCode) : undefined;
    if (useCode && !info && !entry?.farg) warnings.add(draft.id, `Use code ${useCode} is not one of Boverket's use codes, so it has no colour.`);
    landUse ??= info?.landUse;
    const colourName = entry?.farg ?? info?.colour;
    const colour = colourHex(colourName);
    if (useCode) p.useCode = useCode;
    if (colourName) p.colourName = colourName;
    if (colour) p.colour = colour;
  }
  if (landUse) p.landUse = landUse;

  if (draft.kind === 'egenskap') {
    const heightLimit = recogniseHeightLimit(draft.text, draft.values, code);
    if (heightLimit) p.heightLimit = heightLimit;
    if (isNoBuild(draft.text, code)) p.noBuild = true;
  }
  if (draft.verticalLimit) p.verticalLimit = draft.verticalLimit;
  if (draft.regulates && draft.regulates.length > 0) p.regulates = draft.regulates;
  return p;
}
