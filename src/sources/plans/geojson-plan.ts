/**
 * Plain GeoJSON zoning (RFC 7946, WGS84 longitude/latitude; or a projected CRS named by
 * `options.crs` or a GeoJSON 2008 `crs` member) → `PlanDocument`. Which properties hold the use,
 * the maximum height, the text, the name and prickmark is given by a `GeoJsonPlanMapping`, with
 * the usual Swedish and English names as defaults.
 */
import { hasCrs, normaliseCrsCode } from '../../geo';
import type { HeightLimit, PlanDocument, PlanInfo, Provision } from './plan-document';
import { AxisOrderVote } from './axis-order';
import { SHIPPED_CATALOGUE, type CatalogueLookup } from './catalogue';
import { finishProvision } from './finish-provision';
import { emptyGeometry, firstPosition, GeometryReader, isEmptyGeometry } from './plan-geometry';
import { PlanParseError } from './plan-error';
import { PlanBudget, type PlanLimits } from './plan-limits';
import { useCodeInfo } from './use-codes';
import { WarningList } from './warnings';
import { isRecord } from '../../shared/is-record';

/** Names of the feature properties that hold each piece of zoning information. */
export interface GeoJsonPlanMapping {
  /** The use code (`B`, `C1`, `GATA`, …). Default: `use`, `anvandning`, `användning`, `beteckning`, `landuse`, `zoning`. */
  use?: string;
  /** Maximum height in metres over the ground. Default: `maxHeight`, `max_height`, `nockhojd`, `nockhöjd`, `totalhojd`, `totalhöjd`, `byggnadshojd`, `byggnadshöjd`. */
  maxHeight?: string;
  /** The regulation text. Default: `text`, `bestammelse`, `bestämmelse`, `bestammelseformulering`, `description`. */
  text?: string;
  /** Name of the area. Default: `name`, `namn`. */
  name?: string;
  /** Prickmark flag (true, 1, "ja", "yes"). Default: `noBuild`, `prickmark`. */
  noBuild?: string;
}

export const DEFAULT_GEOJSON_MAPPING: Readonly<Record<keyof GeoJsonPlanMapping, readonly string[]>> = Object.freeze({
  use: ['use', 'anvandning', 'användning', 'beteckning', 'landuse', 'zoning'],
  maxHeight: ['maxHeight', 'max_height', 'nockhojd', 'nockhöjd', 'totalhojd', 'totalhöjd', 'byggnadshojd', 'byggnadshöjd'],
  text: ['text', 'bestammelse', 'bestämmelse', 'bestammelseformulering', 'description'],
  name: ['name', 'namn'],
  noBuild: ['noBuild', 'prickmark'],
});

export interface GeoJsonOptions {
  crs?: string;
  mapping?: GeoJsonPlanMapping;
  catalogue?: CatalogueLookup;
  limits?: Partial<PlanLimits>;
}

type Rec = Record<string, unknown>;


/** The first of the candidate properties that the feature has: `[name, value]` (its own properties only). */
function pick(props: Rec, mapped: string | undefined, defaults: readonly string[]): [string, unknown] | undefined {
  for (const key of mapped ? [mapped] : defaults) {
    if (!Object.hasOwn(props, key)) continue;
    const v = props[key];
    if (v !== undefined && v !== null && v !== '') return [key, v];
  }
  return undefined;
}

function truthy(value: unknown): boolean {
  if (typeof value === 'string') return /^(true|ja|yes|1|x)$/i.test(value.trim());
  return value === true || value === 1;
}

function heightKind(property: string): HeightLimit['kind'] {
  if (/nock/i.test(property)) return 'nockhöjd';
  if (/byggnadsh/i.test(property)) return 'byggnadshöjd';
  return 'totalhöjd';
}

/** The CRS a GeoJSON document names in its (2008-style) `crs` member. */
function declaredCrs(doc: Rec): string | undefined {
  const crs = doc.crs;
  if (!isRecord(crs) || !isRecord(crs.properties)) return undefined;
  const name = crs.properties.name;
  return typeof name === 'string' ? name : undefined;
}

/**
 * Parses a GeoJSON FeatureCollection or Feature with zoning properties.
 * @throws PlanParseError when it is not GeoJSON, has no features, or no feature could be read
 */
export function parseGeoJsonPlan(doc: unknown, options: GeoJsonOptions = {}): PlanDocument {
  const warnings = new WarningList();
  if (!isRecord(doc)) throw new PlanParseError('Not GeoJSON: expected a FeatureCollection or Feature object.');
  const features = doc.type === 'Feature' ? [doc] : doc.type === 'FeatureCollection' && Array.isArray(doc.features) ? doc.features : undefined;
  if (!features) throw new PlanParseError(`Not GeoJSON: "type" is ${JSON.stringify(doc.type ?? null)}, expected "FeatureCollection" or "Feature".`);
  if (features.length === 0) throw new PlanParseError('The plan is empty: its feature collection has no features.');

  const named = options.crs ?? declaredCrs(doc) ?? 'EPSG:4326';
  const crs = normaliseCrsCode(named);
  if (!hasCrs(crs)) throw new PlanParseError(`Unknown coordinate system ${JSON.stringify(named)}: give one the app knows (EPSG:4326, EPSG:3006–3018).`);
  const vote = new AxisOrderVote();
  if (crs !== 'EPSG:4326') for (const f of features) if (isRecord(f)) {
    const p = firstPosition(f.geometry);
    if (p) vote.add(p[0], p[1]);
  }
  const order = crs === 'EPSG:4326' ? 'EN' : vote.order;
  const note = crs === 'EPSG:4326' ? 'Coordinates read as (longitude, latitude) in EPSG:4326, the GeoJSON order (RFC 7946).' : vote.note(crs);
  const mapping = options.mapping ?? {};
  const catalogue = options.catalogue ?? SHIPPED_CATALOGUE;
  const planId = typeof doc.id === 'string' ? doc.id : 'plan';
  const plan: PlanInfo = { id: planId, decisions: [], boundary: [] };
  if (typeof doc.name === 'string' && doc.name.trim()) plan.name = doc.name.trim();
  const provisions: Provision[] = [];
  const budget = new PlanBudget(options.limits);

  features.forEach((f, index) => {
    const fallbackId = `feature ${index + 1}`;
    if (!isRecord(f)) return warnings.add(fallbackId, 'The feature is not an object; it was skipped.');
    const props = isRecord(f.properties) ? f.properties : {};
    const rawId = f.id ?? props.id;
    const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : fallbackId;
    if (f.geometry === null || f.geometry === undefined) return warnings.add(id, 'The feature has no geometry; it was skipped.');
    const geometry = emptyGeometry();
    new GeometryReader({ crs, order, featureId: id, warnings, budget }).add(f.geometry, geometry);
    if (isEmptyGeometry(geometry)) return warnings.add(id, 'The feature has no usable geometry; it was skipped.');

    const use = pick(props, mapping.use, DEFAULT_GEOJSON_MAPPING.use);
    const text = pick(props, mapping.text, DEFAULT_GEOJSON_MAPPING.text);
    const name = pick(props, mapping.name, DEFAULT_GEOJSON_MAPPING.name);
    const height = pick(props, mapping.maxHeight, DEFAULT_GEOJSON_MAPPING.maxHeight);
    const noBuild = pick(props, mapping.noBuild, DEFAULT_GEOJSON_MAPPING.noBuild);
    let found = false;

    if (use) {
      found = true;
      const designation = String(use[1]).trim();
      const info = useCodeInfo(designation);
      const ownText = text ? String(text[1]) : name ? String(name[1]) : undefined;
      provisions.push(finishProvision({ id, planId, kind: 'användning', text: ownText ?? info?.name ?? designation, designation, values: [], geometry }, catalogue, warnings));
    }
    if (height) {
      const metres = typeof height[1] === 'number' ? height[1] : Number(String(height[1]).trim().replace(',', '.'));
      if (Number.isFinite(metres) && metres > 0) {
        found = true;
        const kind = heightKind(height[0]);
        provisions.push({
          id: `${id}/${kind}`,
          planId,
          kind: 'egenskap',
          text: `Högsta ${kind} är ${String(metres).replace('.', ',')} meter.`,
          values: [{ name: height[0], value: metres, valueType: 'max', unit: 'meter' }],
          heightLimit: { kind, metres, reference: 'mark' },
          geometry,
        });
      } else {
        warnings.add(id, `Property "${height[0]}" is ${JSON.stringify(height[1])}, not a height in metres above 0; it was ignored.`);
      }
    }
    if (noBuild && truthy(noBuild[1])) {
      found = true;
      provisions.push({ id: `${id}/prickmark`, planId, kind: 'egenskap', text: 'Marken får inte förses med byggnad.', values: [], noBuild: true, geometry });
    }
    if (!found && text) {
      found = true;
      provisions.push(finishProvision({ id, planId, kind: 'egenskap', text: String(text[1]), values: [], geometry }, catalogue, warnings));
    }
    if (!found) warnings.add(id, `The feature has no use, height, prickmark or text property (looked for ${[mapping.use ?? DEFAULT_GEOJSON_MAPPING.use.join('/'), mapping.maxHeight ?? 'maxHeight/…', mapping.text ?? 'text/…'].join(', ')}); it was skipped.`);
  });
  if (provisions.length === 0) throw new PlanParseError('Nothing in the plan could be read; see the warnings.', warnings.items);

  return { format: 'geojson', crs, axisOrder: order, axisOrderNote: note, plans: [plan], provisions, warnings: warnings.items };
}
