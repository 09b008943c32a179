/**
 * The demo's synthetic detaljplan, "Detaljplan för Kvarteret Sundsbryggan", in samråd: NGP
 * Detaljplan 4.1 JSON in SWEREF 99 17 15 (EPSG:3014) with RH 2000 heights, written to
 * `public/plans/harnosand-sundsbryggan.json` by `npm run tools -- demo`.
 *
 * It covers the proposal's block and the streets around it (to 6 m outside the block) and is
 * drawn in the block's own grid frame (u along the street grid, v across it), so that it
 * fits the proposal of tools/demo/proposal.ts for any seed:
 *
 *   north   B | C | B   point houses; h 24 m (B), h +26.5 m over the nollplan, RH 2000 (C)
 *   middle  PARK | C | TORG   a pocket park, the pavilion (h 7 m, e1 15 %), a small square
 *   south   B               townhouses; h 14 m
 *   prickmark 3–4 m along the block's streets, GATA around the block, utfartsförbud on the east
 *   edge, genomförandetid 5 år over the plan area.
 *
 * SYNTHETIC: invented for the demo, labelled so in its name and `syfte`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ecefToGeodetic } from '../../src/geo/ellipsoid';
import { eastNorthUpToEcef } from '../../src/geo/frame';
import { fromWgs84 } from '../../src/geo/crs';
import { HARNOSAND_GEOID_HEIGHT } from '../../src/geo/heights';
import { offsetConvex, type Vec2 } from '../lib/geom2d';
import { CATALOGUE, TEXT_ONLY } from '../lib/ngp-catalogue';
import { uuidFromLabel } from '../lib/ngp-uuid';
import { ngpText, writeNgpDetaljplan, type NgpPlanInput, type NgpPoint, type NgpPolygon, type NgpProvisionInput, type NgpWriteResult } from '../lib/ngp-writer';
import { createRng } from '../lib/prng';
import { mat4TransformPoint } from '../lib/tileset';
import { DEFAULT_DEMO_SEED, DEMO_GROUND_HEIGHT, DEMO_ORIGIN } from './origin';
import { sundsbrygganBlock } from './sundsbryggan-block';
import { generateTown } from './town';

/** Where the plan lives, relative to the repository root (served at `/plans/…`). */
export const DEMO_PLAN_PATH = 'public/plans/harnosand-sundsbryggan.json';
/** The plan's file name, also its URL relative to the scene's folder's parent. */
export const DEMO_PLAN_FILE = 'harnosand-sundsbryggan.json';
export const DEMO_PLAN_CRS = 'EPSG:3014';

/**
 * Ground of the demo in RH 2000, metres: the demo ground height (ellipsoidal) less the geoid
 * height used for Härnösand (`HARNOSAND_GEOID_HEIGHT`, see src/geo/heights.ts).
 */
export const DEMO_GROUND_RH2000 = Math.round((DEMO_GROUND_HEIGHT - HARNOSAND_GEOID_HEIGHT) * 100) / 100;

/** Street area included around the block, metres (less than half the narrowest street). */
export const PLAN_STREET_MARGIN = 6;
/** Depths of the south (townhouse) and north (point house) zones, metres. */
export const SOUTH_ZONE_DEPTH = 19;
export const NORTH_ZONE_DEPTH = 25;
/** Half-width of the courtyard's centrum zone (the pavilion), metres. */
export const COURTYARD_C_HALF = 18;

/** The height limits of the plan: metres over the ground, or RH 2000 for the nollplan one. */
export const PLAN_LIMITS = {
  southB: 14,
  northB: 24,
  northC_RH2000: 26.5,
  courtyardC: 7,
  courtyardCoverPercent: 15,
  implementationYears: 5,
} as const;

const PLAN_DATE = '2026-03-02';

/** ENU (metres, demo frame) → (east, north) in EPSG:3014, metres. */
export function enuToPlanCrs(p: Vec2): NgpPoint {
  const ecef = mat4TransformPoint(eastNorthUpToEcef(DEMO_ORIGIN), [p[0], p[1], 0]);
  const [lon, lat] = ecefToGeodetic(ecef[0], ecef[1], ecef[2]);
  const [e, n] = fromWgs84(DEMO_PLAN_CRS, lon, lat);
  return [e, n];
}

/** The plan's input model for a seed (what is written, before formatting). */
export function demoPlanInput(seed: number = DEFAULT_DEMO_SEED): NgpPlanInput {
  const town = generateTown(createRng(seed));
  const { polygon, uHalf: uH, vHalf: vH, at } = sundsbrygganBlock(town);
  const crs = (p: Vec2) => enuToPlanCrs(p);
  const rect = (u0: number, v0: number, u1: number, v1: number): NgpPolygon => [[at(u0, v0), at(u1, v0), at(u1, v1), at(u0, v1)].map(crs)];
  const id = (name: string) => uuidFromLabel(`sundsbryggan:${seed}:${name}`);

  const outer = offsetConvex(polygon, -PLAN_STREET_MARGIN);
  if (!outer) throw new Error('demo plan: cannot offset the block');
  const boundary: NgpPolygon = [outer.map(crs)];
  const blockRing = polygon.map(crs);

  const span = 2 * uH - 20; // as the point houses in proposal.ts
  const cHalf = span / 6; // halfway between the point house slots
  const southTop = -vH + SOUTH_ZONE_DEPTH;
  const northBottom = vH - NORTH_ZONE_DEPTH;

  const zones = {
    southB: rect(-uH, -vH, uH, southTop),
    northBWest: rect(-uH, northBottom, -cHalf, vH),
    northC: rect(-cHalf, northBottom, cHalf, vH),
    northBEast: rect(cHalf, northBottom, uH, vH),
    park: rect(-uH, southTop, -COURTYARD_C_HALF, northBottom),
    courtyardC: rect(-COURTYARD_C_HALF, southTop, COURTYARD_C_HALF, northBottom),
    torg: rect(COURTYARD_C_HALF, southTop, uH, northBottom),
  };
  const prickmark: NgpPolygon[] = [
    rect(-uH, -vH, uH, -vH + 4),
    rect(-uH, vH - 3, uH, vH),
    rect(-uH, -vH + 4, -uH + 4, southTop),
    rect(uH - 4, -vH + 4, uH, southTop),
    rect(-uH, northBottom, -uH + 4, vH - 3),
    rect(uH - 4, northBottom, uH, vH - 3),
  ];
  const height = (name: string, designation: string, metres: number, polygons: NgpPolygon[], regulates: string[], motive: string): NgpProvisionInput => ({
    id: id(name),
    kind: 'egenskap',
    text: CATALOGUE.hogstaNockhojd.text,
    catalogueRef: CATALOGUE.hogstaNockhojd.id,
    designation,
    values: [{ name: 'höjd', value: metres, valueType: 'max', unit: 'meter' }],
    polygons,
    regulates,
    motive,
  });
  const B = id('B');
  const C = id('C');
  const provisions: NgpProvisionInput[] = [
    {
      id: B,
      kind: 'användning',
      text: CATALOGUE.bostader.text,
      catalogueRef: CATALOGUE.bostader.id,
      designation: 'B',
      polygons: [zones.southB, zones.northBWest, zones.northBEast],
      motive: 'Bostäder i punkthus mot Storgatan och radhus mot kajen.',
    },
    {
      id: C,
      kind: 'användning',
      text: TEXT_ONLY.centrum,
      designation: 'C',
      polygons: [zones.northC, zones.courtyardC],
      motive: 'Handel, service och kafé i bottenvåningen och i paviljongen.',
    },
    { id: id('PARK'), kind: 'användning', text: TEXT_ONLY.park, designation: 'PARK', polygons: [zones.park], motive: 'En allmän fickpark öppnar gården mot väster.' },
    { id: id('TORG'), kind: 'användning', text: TEXT_ONLY.torg, designation: 'TORG', polygons: [zones.torg], motive: 'Ett litet torg vid paviljongen.' },
    { id: id('GATA'), kind: 'användning', text: TEXT_ONLY.gata, designation: 'GATA', polygons: [[boundary[0]!, [...blockRing].reverse()]], motive: 'Befintliga gator runt kvarteret.' },
    height('h1', 'h1', PLAN_LIMITS.southB, [zones.southB], [B], 'Radhus i två till tre våningar mot kajen.'),
    height('h2', 'h2', PLAN_LIMITS.northB, [zones.northBWest, zones.northBEast], [B], 'Punkthus i högst sju våningar.'),
    {
      id: id('h3'),
      kind: 'egenskap',
      text: CATALOGUE.hogstaNockhojdNollplan.text,
      catalogueRef: CATALOGUE.hogstaNockhojdNollplan.id,
      designation: 'h3',
      values: [{ name: 'höjd', value: PLAN_LIMITS.northC_RH2000, valueType: 'max', unit: 'meter' }],
      polygons: [zones.northC],
      regulates: [C],
      motive: `Nollplanet är RH 2000; marken ligger på cirka +${DEMO_GROUND_RH2000} m.`,
    },
    height('h4', 'h4', PLAN_LIMITS.courtyardC, [zones.courtyardC], [C], 'En låg paviljong på gården.'),
    {
      id: id('e1'),
      kind: 'egenskap',
      text: CATALOGUE.storstaByggnadsareaProcent.text,
      catalogueRef: CATALOGUE.storstaByggnadsareaProcent.id,
      designation: 'e1',
      values: [{ name: 'utnyttjandegrad', value: PLAN_LIMITS.courtyardCoverPercent, valueType: 'max', unit: 'procent' }],
      polygons: [zones.courtyardC],
      regulates: [C],
      motive: 'Gården ska till största delen vara öppen.',
    },
    { id: id('prickmark'), kind: 'egenskap', text: TEXT_ONLY.prickmark, designation: 'prickmark', polygons: prickmark, regulates: [B], motive: 'Förgårdsmark mot gatorna.' },
    {
      id: id('utfart'),
      kind: 'egenskap',
      text: CATALOGUE.utfartsforbud.text,
      catalogueRef: CATALOGUE.utfartsforbud.id,
      designation: 'utfartsförbud',
      lines: [[at(uH, -vH), at(uH, vH)].map(crs)],
      regulates: [B],
      motive: 'Ingen utfart mot hamngatan i öster.',
    },
    {
      id: id('genomforandetid'),
      kind: 'administrativ',
      text: TEXT_ONLY.genomforandetid,
      designation: 'a1',
      values: [{ name: 'genomförandetid', value: PLAN_LIMITS.implementationYears, valueType: 'exakt', unit: 'år' }],
      polygons: [boundary],
    },
  ];

  return {
    id: id('plan'),
    municipality: 'Härnösand',
    name: 'Detaljplan för Kvarteret Sundsbryggan (SYNTETISK demo)',
    designation: `SYNTETISK-DP-${seed}`,
    purpose:
      'SYNTETISK DEMOPLAN, inte en verklig detaljplan. Planen prövar bostäder och centrumverksamhet i Kvarteret ' +
      'Sundsbryggan: tre punkthus mot norr, radhus mot kajen i söder och en paviljong mellan en ny fickpark och ' +
      `ett litet torg. Skapad av Metacity Twin (npm run tools -- demo, seed ${seed}).`,
    status: 'samråd',
    statusDate: PLAN_DATE,
    versionFrom: `${PLAN_DATE}T00:00:00Z`,
    boundary: [boundary],
    decision: { body: 'byggnadsnämnd enligt PBL', caseNumber: `SYN ${seed}-2025`, started: '2025-11-03', implementationYears: PLAN_LIMITS.implementationYears },
    provisions,
  };
}

/** The plan as NGP JSON (and which provisions are text-only). */
export function demoPlan(seed: number = DEFAULT_DEMO_SEED): NgpWriteResult {
  return writeNgpDetaljplan(demoPlanInput(seed), { crs: DEMO_PLAN_CRS });
}

export function demoPlanText(seed: number = DEFAULT_DEMO_SEED): string {
  return ngpText(demoPlan(seed).collection);
}

/** Writes the plan file; returns the text written. */
export async function writeDemoPlan(path: string, seed: number = DEFAULT_DEMO_SEED): Promise<string> {
  const text = demoPlanText(seed);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  return text;
}
