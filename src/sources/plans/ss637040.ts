/**
 * SS 637040:2016 detaljplan GML (namespace http://www.sis.se/ss637040, GML 3.2) → `PlanDocument`.
 *
 * - Boundary lines (`DP_Grans`, gml:Curve of LineStringSegments) are read once; areas
 *   (`DP_Omrade`) are assembled from their `plus`/`minus` references (./ss637040-topology).
 * - Provisions (`DP_Anvandningsbestammelse` with nested `DP_Egenskapsbestammelse` and
 *   `DP_AdministrativBestammelse`, and `generellPlanbestammelse`) point at areas with
 *   `omrade xlink:href`. A provision nested under several uses (same `uuid`) is read once and
 *   lists every use in `regulates`.
 * - The CRS comes from `koordinatsystem` (`SWEREF99_13_30` → EPSG:3008), the height system from
 *   `hojdsystem` (`RH 2000` → EPSG:5613). The axis order is read from the values; the
 *   gml:Envelope is not trusted.
 */
import { XMLParser } from 'fast-xml-parser';
import { hasCrs, listCrs, normaliseCrsCode } from '../../geo';
import type { PlanDocument, PlanGeometry, PlanInfo, Polygon, Provision, ProvisionKind, ProvisionValue } from './plan-document';
import { formatNumber } from '../../shared/format-number';
import { AxisOrderVote } from './axis-order';
import { SHIPPED_CATALOGUE, type CatalogueLookup } from './catalogue';
import { finishProvision, landUseFromCode } from './finish-provision';
import { emptyGeometry, GeometryReader } from './plan-geometry';
import { PlanParseError } from './plan-error';
import { checkGmlLength, PlanBudget, type PlanLimits } from './plan-limits';
import { fillPlaceholders } from './provision-text';
import type { XY } from './ring-checks';
import { ss637040Code, ss637040UseText } from './ss637040-codes';
import { assembleRings, ringsToPolygons, type DirectedEdge } from './ss637040-topology';
import { useCodeInfo } from './use-codes';
import { WarningList } from './warnings';
import { isRecord } from '../../shared/is-record';

export interface Ss637040Options {
  /** CRS when the file's `koordinatsystem` is missing. */
  crs?: string;
  catalogue?: CatalogueLookup;
  limits?: Partial<PlanLimits>;
}

type Node = Record<string, unknown>;

function list(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

/** Text content of an element (plain string, or `#text` when it has attributes). */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isRecord(value)) return text(value['#text']);
  if (Array.isArray(value)) return text(value[0]);
  return undefined;
}

function hrefs(value: unknown): string[] {
  return list(value).map((v) => (isRecord(v) && typeof v['@_href'] === 'string' ? v['@_href'].replace(/^#/, '') : undefined)).filter((v): v is string => !!v);
}

/** Each id once, in first-seen order, with how often each was listed. */
function distinct(ids: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

// htmlEntities: decode numeric character references (`&#228;`, `&#xE5;`) besides XML's five named
// entities; fast-xml-parser leaves them as text otherwise. Its limits on DOCTYPE entities stay on.
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', removeNSPrefix: true, parseTagValue: false, trimValues: true, htmlEntities: true });

/** `SWEREF99_13_30`, `SWEREF 99 TM`, `EPSG:3008`, `3008` → a registered code. */
export function crsFromName(name: string): string | undefined {
  const code = normaliseCrsCode(name);
  if (/^EPSG:\d+$/.test(code) && hasCrs(code)) return code;
  const fold = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const wanted = fold(name);
  return listCrs().find((c) => fold(c.name) === wanted)?.code;
}

/** `RH 2000` → EPSG:5613; undefined for other height systems. */
export function heightSystemFromName(name: string): string | undefined {
  const n = name.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (n === 'RH2000' || n === 'EPSG5613' || n === '5613') return 'EPSG:5613';
  return undefined;
}

/** The pairs of one `gml:pos`/`gml:posList` text, in file order. */
function pairs(value: unknown, dim: number): [number, number][] {
  const t = text(value);
  if (!t) return [];
  const nums = t.split(/\s+/).map(Number);
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < nums.length; i += dim) out.push([nums[i]!, nums[i + 1]!]);
  return out;
}

/** An element's own `srsDimension` (2 or 3), else the one it inherits. */
function dimension(value: unknown, inherited: number): number {
  const d = isRecord(value) ? Number(value['@_srsDimension']) : NaN;
  return d === 3 ? 3 : d === 2 ? 2 : inherited;
}

/**
 * Every position under a curve or point element, in file order within each segment. GML lets
 * `srsDimension` stand on any enclosing geometry (the curve, a segment) as well as on the
 * `pos`/`posList`; the nearest one decides how the numbers pair up.
 */
function positions(node: unknown, out: [number, number][] = [], inherited = 2): [number, number][] {
  if (Array.isArray(node)) {
    for (const n of node) positions(n, out, inherited);
    return out;
  }
  if (!isRecord(node)) return out;
  const dim = dimension(node, inherited);
  for (const [k, v] of Object.entries(node)) {
    if (k === 'pos' || k === 'posList') {
      // (no spread: a posList can hold more positions than a call takes arguments)
      for (const p of list(v)) for (const pair of pairs(p, dimension(p, dim))) out.push(pair);
    }
    else if (!k.startsWith('@_') && k !== '#text') positions(v, out, dim);
  }
  return out;
}

interface RawProvision {
  node: Node;
  kind: ProvisionKind;
  /** Id of the användningsbestämmelse it is nested in. */
  parent?: string;
}

/** Walks DP_Plan's provisions, nested ones after their use. */
function collectProvisions(plan: Node): RawProvision[] {
  const out: RawProvision[] = [];
  const addNested = (owner: Node, parent: string | undefined): void => {
    for (const e of list(owner.egenskapsbestammelse)) for (const n of list(isRecord(e) ? e.DP_Egenskapsbestammelse : undefined)) if (isRecord(n)) out.push({ node: n, kind: 'egenskap', ...(parent ? { parent } : {}) });
    for (const a of list(owner.administrativBestammelse)) for (const n of list(isRecord(a) ? a.DP_AdministrativBestammelse : undefined)) if (isRecord(n)) out.push({ node: n, kind: 'administrativ', ...(parent ? { parent } : {}) });
  };
  for (const a of list(plan.anvandningsbestammelse)) {
    for (const n of list(isRecord(a) ? a.DP_Anvandningsbestammelse : undefined)) {
      if (!isRecord(n)) continue;
      out.push({ node: n, kind: 'användning' });
      addNested(n, text(n.uuid) ?? text(n['@_id']));
    }
  }
  for (const g of list(plan.generellPlanbestammelse)) {
    if (!isRecord(g)) continue;
    for (const n of list(g.DP_Anvandningsbestammelse)) if (isRecord(n)) out.push({ node: n, kind: 'användning' });
    addNested({ egenskapsbestammelse: g.DP_Egenskapsbestammelse ? { DP_Egenskapsbestammelse: g.DP_Egenskapsbestammelse } : undefined, administrativBestammelse: g.DP_AdministrativBestammelse ? { DP_AdministrativBestammelse: g.DP_AdministrativBestammelse } : undefined }, undefined);
  }
  addNested(plan, undefined);
  return out;
}

function provisionValues(node: Node, unit: string | undefined, valueType: ProvisionValue['valueType']): ProvisionValue[] {
  const out: ProvisionValue[] = [];
  for (const v of list(node.variabel)) {
    if (!isRecord(v)) continue;
    for (const [type, inner] of Object.entries(v)) {
      for (const item of list(inner)) {
        if (!isRecord(item)) continue;
        const raw = text(item.varde);
        if (raw === undefined) continue;
        const numeric = /Decimaltal|Heltal/i.test(type);
        const n = Number(raw.replace(',', '.'));
        const value: ProvisionValue = { value: numeric && Number.isFinite(n) ? n : /Boolean/i.test(type) ? raw === 'true' : raw };
        const name = text(item.namn);
        if (name) value.name = name;
        if (numeric && unit) value.unit = unit;
        if (numeric && valueType) value.valueType = valueType;
        out.push(value);
      }
    }
  }
  return out;
}

/**
 * Parses SS 637040:2016 GML text.
 * @throws PlanParseError for XML that does not parse, a file without DP_Data/DP_Plan, no usable CRS,
 *   or a plan over a cap of ./plan-limits
 */
export function parseSs637040(xml: string, options: Ss637040Options = {}): PlanDocument {
  checkGmlLength(xml, options.limits);
  let root: Node;
  try {
    const parsed: unknown = parser.parse(xml, true);
    if (!isRecord(parsed) || !isRecord(parsed.DP_Data)) throw new PlanParseError('Not an SS 637040 plan: the root element is not DP_Data.');
    root = parsed.DP_Data;
  } catch (e) {
    if (e instanceof PlanParseError) throw e;
    throw new PlanParseError(`The plan is not well-formed XML: ${(e as Error).message.split('\n')[0]}`);
  }
  const warnings = new WarningList();
  const planNodes = list(root.plan).flatMap((p) => list(isRecord(p) ? p.DP_Plan : undefined)).filter(isRecord);
  const grans = list(root.grans).flatMap((g) => list(isRecord(g) ? g.DP_Grans : undefined)).filter(isRecord);
  const omraden = list(root.omrade).flatMap((o) => list(isRecord(o) ? o.DP_Omrade : undefined)).filter(isRecord);
  if (planNodes.length === 0 && omraden.length === 0) throw new PlanParseError('The plan is empty: the file has no DP_Plan and no DP_Omrade.');

  // CRS and height system, from the first plan that names them.
  const crsName = planNodes.map((p) => text(p.koordinatsystem)).find((t) => t);
  let crs = crsName ? crsFromName(crsName) : undefined;
  if (crsName && !crs) warnings.add(undefined, `Unknown coordinate system ${JSON.stringify(crsName)}${options.crs ? `; the given ${options.crs} was used` : ''}.`);
  if (!crs && options.crs) crs = normaliseCrsCode(options.crs);
  if (!crs || !hasCrs(crs)) {
    throw new PlanParseError(crsName ? `Unknown coordinate system ${JSON.stringify(crsName)}, and none was given.` : 'The plan names no coordinate system (koordinatsystem), and none was given.', warnings.items);
  }
  const heightName = planNodes.map((p) => text(p.hojdsystem)).find((t) => t);
  const heightSystem = heightName ? heightSystemFromName(heightName) : undefined;
  if (heightName && !heightSystem) warnings.add(undefined, `Height system ${JSON.stringify(heightName)} is not RH 2000; heights over the zero level are in that system.`);

  // Boundary lines; axis order from their first positions.
  const vote = new AxisOrderVote();
  const lines = new Map<string, [number, number][]>();
  for (const g of grans) {
    const id = text(g['@_id']);
    if (!id) continue;
    const pts = positions(g.linje);
    if (pts.length > 0) vote.add(pts[0]![0], pts[0]![1]);
    lines.set(id, pts);
  }
  const order = vote.order;
  const swap = order === 'NE';
  const toEN = (p: [number, number]): XY => (swap ? [p[1], p[0]] : [p[0], p[1]]);

  const areaNodes = new Map<string, Node>();
  for (const o of omraden) {
    const id = text(o['@_id']);
    if (id) areaNodes.set(id, o);
  }
  // Areas, assembled and converted on demand, once each however often they are referred to; every use
  // counts against the plan's caps (`budget`), and so does assembly (`assembly`), which a file
  // could otherwise multiply by listing one long boundary line in many areas.
  const budget = new PlanBudget(options.limits);
  const assembly = new PlanBudget(options.limits);
  const areaCache = new Map<string, Polygon[]>();
  const area = (id: string, featureId: string): Polygon[] => {
    const cached = areaCache.get(id);
    if (cached) return cached;
    const node = areaNodes.get(id);
    const polygons: Polygon[] = [];
    if (!node) {
      warnings.add(featureId, `It refers to area #${id}, which the file does not contain.`);
    } else {
      const edges: DirectedEdge[] = [];
      for (const [dir, refs] of [['plus', hrefs(node.plus)], ['minus', hrefs(node.minus)]] as const) {
        for (const [ref, times] of distinct(refs)) {
          if (times > 1) warnings.add(`#${id}`, `Area #${id} lists boundary line #${ref} ${formatNumber(times, 'en')} times; it was used once.`);
          const pts = lines.get(ref);
          if (!pts) {
            warnings.add(`#${id}`, `Area #${id} refers to boundary line #${ref}, which the file does not contain; the line was left out.`);
            continue;
          }
          assembly.addVertices(pts.length);
          const en = pts.map(toEN);
          edges.push({ id: ref, points: dir === 'plus' ? en : en.reverse() });
        }
      }
      const { rings, problems } = assembleRings(edges);
      for (const p of problems) warnings.add(`#${id}`, `Area #${id}: ${p}`);
      const planar = ringsToPolygons(rings);
      if (planar.length === 0 && problems.length === 0) warnings.add(`#${id}`, `Area #${id} has no boundary lines.`);
      const r = new GeometryReader({ crs: crs!, order: 'EN', featureId: `#${id}`, warnings, budget: assembly });
      for (const poly of planar) {
        const converted: Polygon = [];
        for (let i = 0; i < poly.length; i++) {
          const ring = r.checkedRing(poly[i]!, `Area #${id}${poly.length > 1 ? `, ring ${i + 1}${i === 0 ? ' (outer)' : ' (hole)'}` : ''}`, i === 0);
          if (!ring) {
            if (i === 0) break;
            continue;
          }
          converted.push(ring);
        }
        if (converted.length > 0) polygons.push(converted);
      }
    }
    areaCache.set(id, polygons);
    return polygons;
  };
  const pointReader = new GeometryReader({ crs: crs!, order: 'EN', featureId: '', warnings, budget });
  const geometryOf = (areaIds: string[], points: [number, number][], featureId: string): PlanGeometry => {
    const out = emptyGeometry();
    for (const [aid, times] of distinct(areaIds)) {
      if (times > 1) warnings.add(featureId, `It refers to area #${aid} ${formatNumber(times, 'en')} times; it was read once.`);
      for (const poly of area(aid, featureId)) {
        budget.addPolygon(poly.reduce((n, ring) => n + ring.length, 0));
        // the same arrays for every provision that uses the area (read-only from here on)
        out.polygons.push(poly);
      }
    }
    for (const p of points) out.points.push(pointReader.lonLat(toEN(p)));
    return out;
  };

  const catalogue = options.catalogue ?? SHIPPED_CATALOGUE;
  const plans: PlanInfo[] = [];
  const provisions: Provision[] = [];
  const byId = new Map<string, Provision>();
  for (const planNode of planNodes) {
    const planId = text(planNode.uuid) ?? text(planNode['@_id']) ?? `plan ${plans.length + 1}`;
    const boundaryIds = hrefs(planNode.planomrade);
    const plan: PlanInfo = { id: planId, decisions: [], boundary: boundaryIds.length > 0 ? geometryOf(boundaryIds, [], planId).polygons : [] };
    const name = text(planNode.plannamn);
    if (name) plan.name = name;
    const designation = text(planNode.planid);
    if (designation) plan.designation = designation;
    if (text(planNode.forslag) === 'true') plan.status = 'förslag';
    const registered = text(planNode.registreringsdatum);
    if (registered) plan.decisions.push({ kind: 'registrering', date: registered.slice(0, 10) });
    if (plan.boundary.length === 0) warnings.add(planId, 'The plan has no usable plan area (planomrade).');
    plans.push(plan);

    for (const raw of collectProvisions(planNode)) {
      const n = raw.node;
      const id = text(n.uuid) ?? text(n['@_id']) ?? `${planId}/${provisions.length + 1}`;
      const seen = byId.get(id);
      if (seen) {
        if (raw.parent && !seen.regulates?.includes(raw.parent)) (seen.regulates ??= []).push(raw.parent);
        continue;
      }
      const designationText = text(n.beteckning);
      const useSlag = text(n.anvandningsslag);
      const typeCode = text(n.bestammelsetyp);
      let template: string;
      const code = raw.kind === 'användning' ? useSlag : typeCode;
      let values: ProvisionValue[];
      if (raw.kind === 'användning') {
        const useName = ss637040UseText(useSlag) ?? (designationText ? useCodeInfo(designationText)?.name : undefined) ?? useSlag ?? designationText ?? 'Användning';
        const precisering = text(n.precisering);
        template = precisering ? `${useName} (${precisering})` : useName;
        values = provisionValues(n, undefined, undefined);
      } else {
        if (!typeCode) warnings.add(id, 'The provision has no bestammelsetyp; its text is unknown.');
        const info = ss637040Code(typeCode ?? '');
        if (typeCode && !info.known) warnings.add(id, `Regulation code ${typeCode} is not one this reader knows; its text was made from the code.`);
        template = typeCode ? info.template : 'Bestämmelse utan typ.';
        values = provisionValues(n, info.unit, info.valueType);
      }
      const { text: filled, unfilled } = fillPlaceholders(template, values);
      if (unfilled.length > 0) warnings.add(id, `The text leaves ${unfilled.map((u) => `[${u}]`).join(', ')} without a value.`);
      const areaIds = hrefs(n.omrade);
      const points = positions(isRecord(n.insattning) ? n.insattning : undefined);
      const geometry = geometryOf(areaIds, points, id);
      if (geometry.polygons.length === 0) {
        warnings.add(id, areaIds.length === 0 ? 'The provision refers to no area (omrade); it was skipped.' : `The provision's area ${areaIds.map((a) => `#${a}`).join(', ')} could not be built; it was skipped.`);
        continue;
      }
      const landUse = landUseFromCode(code);
      const p = finishProvision({
        id,
        planId,
        kind: raw.kind,
        text: filled,
        values,
        geometry,
        ...(designationText ? { designation: designationText } : {}),
        ...(code ? { code } : {}),
        ...(landUse ? { landUse } : {}),
        ...(raw.parent ? { regulates: [raw.parent] } : {}),
      }, catalogue, warnings);
      byId.set(id, p);
      provisions.push(p);
    }
  }
  if (plans.length === 0) warnings.add(undefined, 'The file has no DP_Plan: no plan information and no provisions.');

  return {
    format: 'ss637040',
    crs,
    axisOrder: order,
    axisOrderNote: vote.note(crs),
    ...(heightSystem ? { heightSystem } : {}),
    plans,
    provisions,
    warnings: warnings.items,
  };
}
