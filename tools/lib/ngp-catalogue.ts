/**
 * The few entries of Boverket's Planbestämmelsekatalogen (release 7, "20251201") that the
 * plan writers here use, with their catalogue UUIDs (`planbestammelsekatalogreferens`) and
 * exact formulations (`bestammelseformulering`, variables kept as `[name:type]`).
 *
 * Sources: `B`, `J`, `E`, `e#` (största byggnadsarea i procent) and `utfartsförbud` are in
 * ../shared/data/boverket-planbestammelsekatalog-subset/katalog_urval.json; the two height
 * provisions were looked up in the full catalogue of the same release as copied into
 * github.com/ericalnemar/rita-detaljplan (rita_detaljplan/data/planbestammelsekatalog.json,
 * commit 741c480). Källa: Boverket, Planbestämmelsekatalogen.
 *
 * Provisions that are not listed here (C, H, GATA, PARK, TORG, NATUR, prickmark, genomförandetid) have
 * no catalogue reference offline; the writers emit them as text-only provisions, which NGP's
 * schema does not accept for delivery (see `uncatalogued` in tools/lib/ngp-writer.ts).
 */

export interface CatalogueEntry {
  /** Catalogue UUID (lower-case). */
  id: string;
  /** Catalogue code (`bestammelsekod`). */
  code: string;
  /** Exact formulation, variables as `[name:type]`. */
  text: string;
  /** Map symbol pattern (`beteckning`); `#` stands for a running number. */
  designation?: string;
}

export const CATALOGUE = {
  bostader: { id: 'f9e056a6-cda8-4b92-a15d-dc70d61dfa36', code: 'DP_KM_B2', text: 'Bostäder', designation: 'B' },
  industri: { id: 'a0f58fd5-a361-4002-a359-03474901c15f', code: 'DP_KM_J2', text: 'Industri', designation: 'J' },
  tekniskaAnlaggningar: { id: '9b78a950-1bb2-4046-98cf-9efbd5868323', code: 'DP_KM_E2', text: 'Tekniska anläggningar', designation: 'E' },
  storstaByggnadsareaProcent: {
    id: '1c38a293-b48c-4572-a4a7-5a5d27697ea1',
    code: 'DP_KM_Eg_Utnytt_StorstaAreaProc_ByggnadsEgen',
    text: 'Största byggnadsarea är [utnyttjandegrad:decimaltal] % av fastighetsarean inom egenskapsområdet.',
    designation: 'e#',
  },
  utfartsforbud: { id: '623a21a0-5d27-4b55-889f-b0841409894d', code: 'DP_KM_Eg_StangselUtfart_Utfart_UtfartForbud', text: 'Utfartsförbud' },
  hogstaNockhojd: {
    id: 'ee5f8de3-89b0-479a-a5cb-7439d40623e8',
    code: 'DP_KM_Eg_Hojd_HogstaHojd_Nockhojd',
    text: 'Högsta nockhöjd är [höjd:decimaltal] meter.',
    designation: 'h#',
  },
  hogstaNockhojdNollplan: {
    id: '912a1a73-ad9d-418d-9ffd-19ecb2cc9c7f',
    code: 'DP_KM_Eg_Hojd_HogstaHojd_NockhojdNollplan',
    text: 'Högsta nockhöjd är [höjd:decimaltal] meter över angivet nollplan.',
    designation: 'h#',
  },
} as const satisfies Record<string, CatalogueEntry>;

/**
 * Plain formulations for provisions without an offline catalogue entry (Boverket's wording
 * for the use classes; BFS 2020:5 wording for prickmark and genomförandetid).
 */
export const TEXT_ONLY = {
  centrum: 'Centrum',
  detaljhandel: 'Detaljhandel',
  gata: 'Gata',
  park: 'Park',
  torg: 'Torg',
  natur: 'Natur',
  prickmark: 'Marken får inte förses med byggnad.',
  genomforandetid: 'Genomförandetiden är [genomförandetid:decimaltal] år från den dag planen vinner laga kraft.',
} as const;
