/**
 * Writes Lantmäteriet's NGP Detaljplan 4.1 JSON (media type
 * `application/vnd.lm.detaljplan.v4+json`) from a small input model: one `detaljplan`
 * feature (plan metadata, plan area in `plangeometri`, decision information) and one
 * planbestämmelse feature per provision (`användningsbestämmelse`, `egenskapsbestämmelse`,
 * `administrativ bestämmelse`) with its geometry in `bestammelsegeometri`.
 *
 * As the specification requires: every feature's GeoJSON `geometry` is null; geometries are
 * `geometri` objects (`typ` yta/linje, `position` a GeoJSON Polygon/LineString,
 * `koordinatsystemPlan` one of EPSG:3006–3018, `hojdsystem` EPSG:5613 (RH 2000),
 * `dimension` 2) and no multigeometries: each polygon part is its own entry. Outer rings are
 * written counter-clockwise and holes clockwise (in east/north terms), closed, rounded to
 * millimetres. `bestammelseformulering` keeps the catalogue's `[name:type]` variables and
 * `bestammelsevarde` gives their values in the same order (NGP rule DP-0022); decimal values
 * carry `vardetyp` and `enhet` (DP-0009).
 *
 * Coordinates in the input are (east, north) metres in the plan's CRS; `axisOrder: 'NE'`
 * writes them as (north, east).
 */
import { NGP_UUID_PATTERN } from './ngp-uuid';

export const NGP_MEDIA_TYPE = 'application/vnd.lm.detaljplan.v4+json';

/** SWEREF 99 TM and the twelve local zones: the CRSs NGP accepts (`koordinatsystemPlan`). */
export const NGP_PLAN_CRS = ['EPSG:3006', 'EPSG:3007', 'EPSG:3008', 'EPSG:3009', 'EPSG:3010', 'EPSG:3011', 'EPSG:3012', 'EPSG:3013', 'EPSG:3014', 'EPSG:3015', 'EPSG:3016', 'EPSG:3017', 'EPSG:3018'] as const;
export type NgpPlanCrs = (typeof NGP_PLAN_CRS)[number];

/** RH 2000, the only height system NGP accepts. */
export const NGP_HEIGHT_SYSTEM = 'EPSG:5613';

export type NgpPlanStatus = 'påbörjad' | 'samråd' | 'granskning' | 'antagen' | 'överklagad' | 'tillsyn' | 'laga kraft' | 'upphävd' | 'avslutad';
export type NgpUnit = 'meter' | 'kvadratmeter' | 'kubikmeter' | 'procent' | 'grader' | 'antal' | 'år' | 'dB(A)';
export type NgpProvisionKind = 'användning' | 'egenskap' | 'administrativ';

/** (east, north) in metres of the plan CRS. */
export type NgpPoint = [number, number];
/** A ring without a repeated closing point; orientation is normalised on writing. */
export type NgpRing = NgpPoint[];
/** Outer ring first, then holes. */
export type NgpPolygon = NgpRing[];

export interface NgpValueInput {
  /** The variable's name as in the formulation, e.g. `höjd` for `[höjd:decimaltal]`. */
  name: string;
  /** A number for `decimaltal` variables, a string for `text` variables. */
  value: number | string;
  valueType?: 'min' | 'max' | 'exakt';
  unit?: NgpUnit;
}

export interface NgpProvisionInput {
  /** UUID (`objektidentitet`). */
  id: string;
  kind: NgpProvisionKind;
  /** The formulation, with `[name:type]` variables where the catalogue has them. */
  text: string;
  /** Map symbol, e.g. `B`, `e1`, `h2`; written as the extension property `beteckning`. */
  designation?: string;
  /** Boverket catalogue UUID; without one the provision is written text-only (see `uncatalogued`). */
  catalogueRef?: string;
  /** Values of the formulation's variables, in order. */
  values?: NgpValueInput[];
  /** `planbestammelsebeskrivning.motiv`. */
  motive?: string;
  polygons?: NgpPolygon[];
  lines?: NgpPoint[][];
  /** UUIDs of the use provisions an egenskap/administrativ provision regulates. */
  regulates?: string[];
}

export interface NgpPlanInput {
  /** UUID of the plan (`objektidentitet`). */
  id: string;
  /** Municipality name (`kommun`). */
  municipality: string;
  name: string;
  /** Plan designation (`beteckning`). */
  designation?: string;
  purpose: string;
  status: NgpPlanStatus;
  /** Date of the last status change, `YYYY-MM-DD`. */
  statusDate?: string;
  /** Start of this version's validity, ISO date-time (`versionGiltigFran`). */
  versionFrom: string;
  /** The plan area, one entry per part. */
  boundary: NgpPolygon[];
  decision: {
    body?: 'byggnadsnämnd enligt PBL' | 'kommunstyrelse' | 'kommunfullmäktige';
    /** Municipal case number (`diarienummerKommun`). */
    caseNumber?: string;
    /** `YYYY-MM-DD`. */
    started?: string;
    /** Genomförandetid in years. */
    implementationYears?: number;
  };
  provisions: NgpProvisionInput[];
}

export interface NgpWriteOptions {
  /** Default `EPSG:3014` (SWEREF 99 17 15, Härnösand's municipal CRS). */
  crs?: NgpPlanCrs;
  /** Default `EN` (GeoJSON order, as Lantmäteriet's and QGIS exports write). */
  axisOrder?: 'EN' | 'NE';
  /** Decimals of coordinates; default 3 (millimetres). */
  decimals?: number;
  /** Write `beteckning` on provisions (an extension NGP's schema permits); default true. */
  designations?: boolean;
}

/** What NGP's schema knows as a planbestämmelse feature's `feature:typ`. */
const FEATURE_TYPE: Record<NgpProvisionKind, string> = {
  användning: 'användningsbestämmelse',
  egenskap: 'egenskapsbestämmelse',
  administrativ: 'administrativ bestämmelse',
};

export interface NgpFeature {
  type: 'Feature';
  geometry: null;
  properties: Record<string, unknown>;
}

export interface NgpFeatureCollection {
  type: 'FeatureCollection';
  'feature:mediatyp': typeof NGP_MEDIA_TYPE;
  features: NgpFeature[];
}

export interface NgpWriteResult {
  collection: NgpFeatureCollection;
  /**
   * Ids of provisions written without `planbestammelsekatalogreferens`: NGP's schema requires
   * one, so a collection with any of these is not deliverable to NGP as it is.
   */
  uncatalogued: string[];
}

const VARIABLE = /\[([^\]:]+):(decimaltal|text)\]/g;

function fail(message: string): never {
  throw new Error(`ngp-writer: ${message}`);
}

function checkUuid(id: string, what: string): void {
  if (!NGP_UUID_PATTERN.test(id)) fail(`${what}: "${id}" is not a lower-case UUID`);
}

function signedArea(ring: readonly NgpPoint[]): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

/** Rounds, drops repeated points and the closing point; throws on a degenerate ring. */
function cleanRing(ring: readonly NgpPoint[], round: (v: number) => number, what: string): NgpPoint[] {
  const out: NgpPoint[] = [];
  for (const [x, y] of ring) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) fail(`${what}: non-finite coordinate`);
    const p: NgpPoint = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length > 1 && out[0]![0] === out[out.length - 1]![0] && out[0]![1] === out[out.length - 1]![1]) out.pop();
  if (out.length < 3 || signedArea(out) === 0) fail(`${what}: a ring needs at least 3 distinct points and an area`);
  return out;
}

export function writeNgpDetaljplan(plan: NgpPlanInput, options: NgpWriteOptions = {}): NgpWriteResult {
  const crs = options.crs ?? 'EPSG:3014';
  if (!(NGP_PLAN_CRS as readonly string[]).includes(crs)) fail(`CRS ${crs} is not one NGP accepts (EPSG:3006–3018)`);
  const decimals = options.decimals ?? 3;
  const scale = 10 ** decimals;
  const round = (v: number): number => {
    const r = Math.round(v * scale) / scale;
    return r === 0 ? 0 : r;
  };
  const order = (p: NgpPoint): NgpPoint => (options.axisOrder === 'NE' ? [p[1], p[0]] : p);
  const designations = options.designations ?? true;

  const geometri = (typ: 'yta' | 'linje', position: unknown) => ({
    geometri: { typ, koordinatsystemPlan: crs, hojdsystem: NGP_HEIGHT_SYSTEM, dimension: 2, position },
    geometrimetadata: { lagesbestamningsmetodIPlan: { typ: 'lägesplacering', variant: 'digital karta' } },
  });
  const polygonEntry = (polygon: NgpPolygon, what: string) => {
    if (polygon.length === 0) fail(`${what}: a polygon needs an outer ring`);
    const rings = polygon.map((ring, i) => {
      const r = cleanRing(ring, round, what);
      // outer counter-clockwise, holes clockwise, in (east, north)
      if (signedArea(r) > 0 !== (i === 0)) r.reverse();
      return [...r, r[0]!].map(order);
    });
    return geometri('yta', { type: 'Polygon', coordinates: rings });
  };
  const lineEntry = (line: NgpPoint[], what: string) => {
    const pts = line.map(([x, y]) => [round(x), round(y)] as NgpPoint);
    if (pts.length < 2) fail(`${what}: a line needs at least 2 points`);
    return geometri('linje', { type: 'LineString', coordinates: pts.map(order) });
  };

  checkUuid(plan.id, 'plan id');
  if (plan.boundary.length === 0) fail('the plan needs a boundary (plangeometri)');
  const seen = new Set<string>([plan.id]);
  const uncatalogued: string[] = [];
  const features: NgpFeature[] = [];

  for (const p of plan.provisions) {
    const what = `provision ${p.id} (${p.text.slice(0, 40)})`;
    checkUuid(p.id, what);
    if (seen.has(p.id)) fail(`${what}: duplicate id`);
    seen.add(p.id);
    if (p.catalogueRef !== undefined) checkUuid(p.catalogueRef, `${what}: catalogue reference`);
    else uncatalogued.push(p.id);
    const polygons = p.polygons ?? [];
    const lines = p.lines ?? [];
    if (polygons.length + lines.length === 0) fail(`${what}: no geometry`);
    if (p.kind === 'användning' && lines.length > 0) fail(`${what}: use provisions are surfaces`);

    const variables = [...p.text.matchAll(VARIABLE)].map((m) => ({ name: m[1]!, type: m[2]! }));
    const values = p.values ?? [];
    if (variables.length !== values.length) fail(`${what}: ${variables.length} variables in the formulation but ${values.length} values (DP-0022)`);
    const bestammelsevarde = values.map((v, i) => {
      const variable = variables[i]!;
      if (variable.name !== v.name) fail(`${what}: value ${i} is "${v.name}", the formulation's variable is "${variable.name}"`);
      if (variable.type === 'decimaltal') {
        if (typeof v.value !== 'number' || !Number.isFinite(v.value)) fail(`${what}: "${v.name}" needs a number`);
        if (!v.valueType || !v.unit) fail(`${what}: decimal "${v.name}" needs a value type and a unit (DP-0009)`);
      } else if (typeof v.value !== 'string') fail(`${what}: "${v.name}" needs a text`);
      return {
        datatyp: variable.type,
        variabelvarde: String(v.value),
        beskrivning: v.name,
        ...(v.valueType ? { vardetyp: v.valueType } : {}),
        ...(v.unit ? { enhet: v.unit } : {}),
      };
    });
    for (const r of p.regulates ?? []) checkUuid(r, `${what}: regulated provision`);

    const properties: Record<string, unknown> = {
      'feature:typ': FEATURE_TYPE[p.kind],
      detaljplan: plan.id,
      objektidentitet: p.id,
      objektversion: 1,
      versionGiltigFran: plan.versionFrom,
      ...(p.catalogueRef !== undefined ? { planbestammelsekatalogreferens: p.catalogueRef } : {}),
      bestammelseformulering: p.text,
      ...(designations && p.designation ? { beteckning: p.designation } : {}),
      ...(bestammelsevarde.length > 0 ? { bestammelsevarde } : {}),
      bestammelsegeometri: [...polygons.map((poly) => polygonEntry(poly, what)), ...lines.map((l) => lineEntry(l, what))],
      ...(p.motive ? { planbestammelsebeskrivning: { motiv: p.motive } } : {}),
      ...(p.kind !== 'användning' && p.regulates?.length ? { reglerarAnvandningsbestammelse: p.regulates } : {}),
    };
    features.push({ type: 'Feature', geometry: null, properties });
  }

  const d = plan.decision;
  const beslut: Record<string, unknown> = {
    ...(d.body ? { instansInomKommunen: d.body } : {}),
    ...(d.caseNumber ? { diarienummerKommun: d.caseNumber } : {}),
    ...(d.started ? { datumPaborjat: d.started } : {}),
    ...(d.implementationYears !== undefined ? { genomforandetid: d.implementationYears } : {}),
    planbestammelse: plan.provisions.map((p) => p.id),
  };
  if (d.implementationYears !== undefined && !Number.isInteger(d.implementationYears)) fail('genomförandetid must be whole years');
  const planFeature: NgpFeature = {
    type: 'Feature',
    geometry: null,
    properties: {
      'feature:typ': 'detaljplan',
      objektidentitet: plan.id,
      objektversion: 1,
      versionGiltigFran: plan.versionFrom,
      kommun: plan.municipality,
      ...(plan.designation ? { beteckning: plan.designation } : {}),
      namn: plan.name,
      syfte: plan.purpose,
      status: plan.status,
      ...(plan.statusDate ? { datumStatusforandring: plan.statusDate } : {}),
      typ: 'detaljplan',
      plangeometri: plan.boundary.map((poly) => polygonEntry(poly, 'plan boundary')),
      beslutsinformation: [beslut],
    },
  };
  return { collection: { type: 'FeatureCollection', 'feature:mediatyp': NGP_MEDIA_TYPE, features: [planFeature, ...features] }, uncatalogued };
}

/** The collection as file text: `indent` 2 for readable files, 0 for compact ones; trailing newline. */
export function ngpText(collection: NgpFeatureCollection, indent = 2): string {
  return JSON.stringify(collection, null, indent || undefined) + '\n';
}
