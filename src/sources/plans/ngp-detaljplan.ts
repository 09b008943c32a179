/**
 * Lantmäteriet's NGP Detaljplan 4.1 JSON (media type `application/vnd.lm.detaljplan.v4+json`)
 * → `PlanDocument`. Features carry `geometry: null`; their geometry is in
 * `properties.plangeometri[]` (plans) and `properties.bestammelsegeometri[]` (provisions), each a
 * Geometri 2.0 object `{ typ, koordinatsystemPlan, hojdsystem, position }` whose `position` is a
 * GeoJSON geometry in that SWEREF 99 CRS, in either axis order.
 */
import { hasCrs, normaliseCrsCode } from '../../geo';
import type { PlanDocument, PlanGeometry, PlanInfo, ProvisionKind, ProvisionValue } from './plan-document';
import { AxisOrderVote } from './axis-order';
import { SHIPPED_CATALOGUE, type CatalogueLookup } from './catalogue';
import { NGP_DETALJPLAN_MEDIA_TYPE } from './detect-format';
import { finishProvision } from './finish-provision';
import { emptyGeometry, firstPosition, GeometryReader, isEmptyGeometry } from './plan-geometry';
import { PlanParseError } from './plan-error';
import { PlanBudget, type PlanLimits } from './plan-limits';
import { fillPlaceholders } from './provision-text';
import { WarningList } from './warnings';
import { isRecord } from '../../shared/is-record';

export interface NgpOptions {
  /** CRS for geometries that name none (the schema requires `koordinatsystemPlan`). */
  crs?: string;
  catalogue?: CatalogueLookup;
  limits?: Partial<PlanLimits>;
}

type Rec = Record<string, unknown>;


function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** `feature:typ` → what the feature is. */
function featureKind(typ: unknown): 'plan' | ProvisionKind | undefined {
  const t = typeof typ === 'string' ? typ.trim().toLocaleLowerCase('sv').replace(/ä/g, 'a').replace(/\s+/g, ' ') : '';
  if (t === 'detaljplan') return 'plan';
  if (t === 'anvandningsbestammelse') return 'användning';
  if (t === 'egenskapsbestammelse') return 'egenskap';
  if (t === 'administrativ bestammelse' || t === 'administrativbestammelse') return 'administrativ';
  return undefined;
}

/** A feature's geometri objects, from `plangeometri` or `bestammelsegeometri`. */
function geometriList(props: Rec): Rec[] {
  const list = props.plangeometri ?? props.bestammelsegeometri;
  if (!Array.isArray(list)) return [];
  return list.map((g) => (isRecord(g) && isRecord(g.geometri) ? g.geometri : undefined)).filter((g): g is Rec => g !== undefined);
}

function values(props: Rec, id: string, warnings: WarningList): ProvisionValue[] {
  const list = props.bestammelsevarde;
  if (!Array.isArray(list)) return [];
  const out: ProvisionValue[] = [];
  for (const item of list) {
    if (!isRecord(item)) continue;
    const raw = item.variabelvarde;
    let value: ProvisionValue['value'];
    if (item.datatyp === 'decimaltal') {
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim().replace(',', '.'));
      if (Number.isFinite(n) && String(raw).trim() !== '') value = n;
      else {
        warnings.add(id, `Value ${JSON.stringify(raw)} is declared a decimal number but is not one; it was kept as text.`);
        value = String(raw ?? '');
      }
    } else if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') {
      value = raw;
    } else continue;
    const v: ProvisionValue = { value };
    const name = str(item.beskrivning);
    if (name) v.name = name;
    if (item.vardetyp === 'min' || item.vardetyp === 'max' || item.vardetyp === 'exakt') v.valueType = item.vardetyp;
    const unit = str(item.enhet);
    if (unit) v.unit = unit;
    out.push(v);
  }
  return out;
}

function decisions(props: Rec): PlanInfo['decisions'] {
  const out: PlanInfo['decisions'] = [];
  const list = Array.isArray(props.beslutsinformation) ? props.beslutsinformation : [];
  for (const b of list) {
    if (!isRecord(b)) continue;
    const type = str(b.beslutstyp);
    const push = (kind: string, date?: unknown): void => {
      const d = str(date);
      out.push(d ? { kind, date: d } : { kind });
    };
    if (b.datumPaborjat) push('påbörjad', b.datumPaborjat);
    if (b.datumAntagande || type) push(type ?? 'antagande', b.datumAntagande);
    if (Array.isArray(b.datumLagakraft)) for (const d of b.datumLagakraft) push('laga kraft', d);
    if (typeof b.genomforandetid === 'number') push(`genomförandetid ${b.genomforandetid} år`, b.genomforandetidStartar);
  }
  return out;
}

/**
 * Parses a Detaljplan 4.1 feature collection (already JSON-parsed).
 * @throws PlanParseError when it is not a feature collection, has no features, or nothing in it
 *   has a usable CRS and geometry
 */
export function parseNgpDetaljplan(doc: unknown, options: NgpOptions = {}): PlanDocument {
  const warnings = new WarningList();
  if (!isRecord(doc) || !Array.isArray(doc.features)) throw new PlanParseError('Not a Detaljplan 4.1 file: expected a GeoJSON FeatureCollection with a "features" array.');
  const mediaType = doc['feature:mediatyp'];
  if (mediaType !== NGP_DETALJPLAN_MEDIA_TYPE) {
    warnings.add(undefined, mediaType === undefined
      ? `The file has no "feature:mediatyp"; it was read as Detaljplan 4.1 (${NGP_DETALJPLAN_MEDIA_TYPE}) anyway.`
      : `The media type is ${JSON.stringify(mediaType)}, not ${NGP_DETALJPLAN_MEDIA_TYPE}; the file was read as Detaljplan 4.1 anyway.`);
  }
  const features = doc.features.filter(isRecord);
  if (features.length === 0) throw new PlanParseError('The plan is empty: its feature collection has no features.', warnings.items);

  const fallbackCrs = options.crs ? normaliseCrsCode(options.crs) : undefined;
  // Pass 1: CRSs, height system and axis order, from one position per geometry.
  const crsCount = new Map<string, number>();
  let heightSystem: string | undefined;
  const vote = new AxisOrderVote();
  for (const f of features) {
    if (!isRecord(f.properties)) continue;
    for (const g of geometriList(f.properties)) {
      const crs = str(g.koordinatsystemPlan);
      if (crs) {
        const code = normaliseCrsCode(crs);
        if (hasCrs(code)) crsCount.set(code, (crsCount.get(code) ?? 0) + 1);
      }
      heightSystem ??= str(g.hojdsystem);
      const p = firstPosition(g.position);
      if (p) vote.add(p[0], p[1]);
    }
  }
  const docCrs = [...crsCount.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? fallbackCrs;
  if (!docCrs) throw new PlanParseError('No usable coordinate system: no geometry names a known "koordinatsystemPlan" (EPSG:3006–3018) and none was given.', collectCrsWarnings(features));
  const order = vote.order;
  const catalogue = options.catalogue ?? SHIPPED_CATALOGUE;
  const budget = new PlanBudget(options.limits);

  // Pass 2: features.
  const plans: PlanInfo[] = [];
  const provisions: PlanDocument['provisions'] = [];
  features.forEach((f, index) => {
    const props = isRecord(f.properties) ? f.properties : undefined;
    const id = str(props?.objektidentitet) ?? (typeof f.id === 'string' || typeof f.id === 'number' ? String(f.id) : `feature ${index + 1}`);
    if (!props) return warnings.add(id, 'The feature has no properties; it was skipped.');
    const kind = featureKind(props['feature:typ']);
    if (!kind) return warnings.add(id, `Unknown "feature:typ" ${JSON.stringify(props['feature:typ'] ?? null)}; the feature was skipped.`);
    const geometry = readGeometry(props, id, docCrs, fallbackCrs, order, warnings, budget);

    if (kind === 'plan') {
      const plan: PlanInfo = { id, decisions: decisions(props), boundary: geometry.polygons };
      const set = (key: 'name' | 'designation' | 'status' | 'purpose', value: unknown): void => {
        const v = str(value);
        if (v) plan[key] = v;
      };
      set('name', props.namn);
      set('designation', props.beteckning);
      set('status', props.status);
      set('purpose', props.syfte);
      if (geometry.polygons.length === 0) warnings.add(id, 'The plan has no usable boundary polygon (plangeometri).');
      plans.push(plan);
      return;
    }
    if (isEmptyGeometry(geometry)) return warnings.add(id, 'The provision has no usable geometry (bestammelsegeometri); it was skipped.');
    const vals = values(props, id, warnings);
    const template = str(props.bestammelseformulering) ?? str(props.ursprungligBestammelseformulering) ?? '';
    if (!template) warnings.add(id, 'The provision has no text (bestammelseformulering).');
    const { text, unfilled } = fillPlaceholders(template, vals);
    if (unfilled.length > 0) warnings.add(id, `The text leaves ${unfilled.map((n) => `[${n}]`).join(', ')} without a value.`);
    const vertical = props.vertikalAvgransning;
    const regulates = Array.isArray(props.reglerarAnvandningsbestammelse) ? props.reglerarAnvandningsbestammelse.filter((r): r is string => typeof r === 'string') : undefined;
    const designation = str(props.beteckning);
    const catalogueRef = str(props.planbestammelsekatalogreferens);
    provisions.push(finishProvision({
      id,
      planId: str(props.detaljplan) ?? plans[0]?.id ?? '',
      kind,
      text,
      values: vals,
      geometry,
      ...(designation ? { designation } : {}),
      ...(catalogueRef ? { catalogueRef } : {}),
      ...(vertical === 'uppåt' || vertical === 'nedåt' ? { verticalLimit: vertical } : {}),
      ...(regulates ? { regulates } : {}),
    }, catalogue, warnings));
  });
  if (plans.length === 0 && provisions.length === 0) throw new PlanParseError('Nothing in the plan could be read; see the warnings.', warnings.items);
  if (plans.length === 0) warnings.add(undefined, 'The file has no detaljplan feature: its provisions are shown without a plan boundary.');

  return {
    format: 'ngp-detaljplan-4.1',
    crs: docCrs,
    axisOrder: order,
    axisOrderNote: vote.note(docCrs),
    ...(heightSystem ? { heightSystem: normaliseCrsCode(heightSystem) } : {}),
    plans,
    provisions,
    warnings: warnings.items,
  };
}

function collectCrsWarnings(features: Rec[]): PlanParseError['warnings'] {
  const list = new WarningList();
  for (const f of features) {
    if (!isRecord(f.properties)) continue;
    for (const g of geometriList(f.properties)) {
      const crs = str(g.koordinatsystemPlan);
      list.add(str(f.properties.objektidentitet), crs ? `Unknown coordinate system ${JSON.stringify(crs)}.` : 'The geometry names no coordinate system.');
    }
  }
  return list.items;
}

function readGeometry(props: Rec, id: string, docCrs: string, fallbackCrs: string | undefined, order: PlanDocument['axisOrder'], warnings: WarningList, budget: PlanBudget): PlanGeometry {
  const out = emptyGeometry();
  const readers = new Map<string, GeometryReader>();
  geometriList(props).forEach((g, i) => {
    const label = `Geometry ${i + 1} (${str(g.typ) ?? 'no typ'})`;
    const named = str(g.koordinatsystemPlan);
    let crs: string;
    if (named) {
      crs = normaliseCrsCode(named);
      if (!hasCrs(crs)) return warnings.add(id, `${label} is in an unknown coordinate system ${JSON.stringify(named)}; it was skipped.`);
    } else {
      crs = fallbackCrs ?? docCrs;
      warnings.add(id, `${label} names no coordinate system (koordinatsystemPlan); it was read in ${crs}.`);
    }
    let reader = readers.get(crs);
    if (!reader) readers.set(crs, (reader = new GeometryReader({ crs, order, featureId: id, warnings, budget })));
    reader.add(g.position, out, label);
  });
  return out;
}
