/**
 * The one in-memory model of a zoning plan (detaljplan), whatever file it came from:
 * Lantmäteriet's NGP Detaljplan 4.1 JSON, SS 637040:2016 GML or plain GeoJSON.
 * Parsers produce it; the zoning layer draws it and answers "what applies here?" from it.
 *
 * All geometry is WGS84 longitude/latitude in degrees (converted from the plan's CRS by the
 * parser). Heights are metres.
 */

export type PlanFormat = 'ngp-detaljplan-4.1' | 'ss637040' | 'geojson';

/** Order of the two horizontal coordinates in the source file. */
export type AxisOrder = 'EN' | 'NE';

/** A problem with one feature (or the whole file) that did not stop the rest from loading. */
export interface PlanWarning {
  /** Id of the feature concerned, when there is one. */
  featureId?: string;
  /** One readable sentence, in English, naming the problem and what was done about it. */
  message: string;
}

/** A ring of [lon, lat] in degrees, WGS84, without a repeated closing point. */
export type Ring = [number, number][];

/** A polygon: the outer ring first, then holes. */
export type Polygon = Ring[];

export interface PlanGeometry {
  polygons: Polygon[];
  /** Line provisions (e.g. utfartsförbud), as [lon, lat] polylines. */
  lines: [number, number][][];
  /** Point provisions and label positions, [lon, lat]. */
  points: [number, number][];
}

/** Where the land use class puts an area (Boverket's `anvandningsform`). */
export type LandUseForm = 'kvartersmark' | 'allmän plats' | 'vattenområde';

export type ProvisionKind = 'användning' | 'egenskap' | 'administrativ';

/** One value of a provision (`bestammelsevarde` / SS 637040 `variabel`). */
export interface ProvisionValue {
  /** Variable name, e.g. `hojd`, `utnyttjandegrad`, `genomförandetid`. */
  name?: string;
  value: number | string | boolean;
  /** Whether the value is a minimum, a maximum or exact. */
  valueType?: 'min' | 'max' | 'exakt';
  /** Unit as written in the plan, e.g. `meter`, `procent`, `kvadratmeter`, `år`. */
  unit?: string;
}

/** A maximum height in metres that a provision sets over its area. */
export interface HeightLimit {
  kind: 'nockhöjd' | 'totalhöjd' | 'byggnadshöjd';
  /** The limit, metres. */
  metres: number;
  /**
   * `mark`: over the ground (relative); `nollplan`: over the plan's zero level, i.e. an
   * absolute height in the plan's height system (RH 2000, EPSG:5613).
   */
  reference: 'mark' | 'nollplan';
}

/** A regulation that applies over some geometry. */
export interface Provision {
  /** Stable id from the file (uuid or gml:id). */
  id: string;
  /** Id of the plan it belongs to. */
  planId: string;
  kind: ProvisionKind;
  /** The regulation text as the plan states it, with any variables filled in. Plain text. */
  text: string;
  /** The map symbol (beteckning), e.g. `B`, `GATA`, `e1`, `n1`. */
  designation?: string;
  /** UUID into Boverket's catalogue of plan regulations (planbestammelsekatalogreferens). */
  catalogueRef?: string;
  /** For användningsbestämmelser: the use code that picks the colour, e.g. `B`, `C`, `GATA`, `PARK`. */
  useCode?: string;
  landUse?: LandUseForm;
  /** Boverket's named colour (e.g. `Gul`, `Blågrå`, `Ljusgrön`), when one applies. */
  colourName?: string;
  /** The fill colour as `#rrggbb`, resolved from the catalogue and palette, when one applies. */
  colour?: string;
  values: ProvisionValue[];
  heightLimit?: HeightLimit;
  /** Prickmark: marken får inte förses med byggnad (no-build land). */
  noBuild?: boolean;
  /**
   * 3D plans (`vertikalAvgransning`): the provision applies above (`uppåt`) or below (`nedåt`)
   * its geometry's height, when the plan says so.
   */
  verticalLimit?: 'uppåt' | 'nedåt';
  /** Ids of the användningsbestämmelser this provision regulates (`reglerarAnvandningsbestammelse`, or SS 637040 nesting). */
  regulates?: string[];
  geometry: PlanGeometry;
}

export interface PlanInfo {
  id: string;
  /** Plan name (`namn`). */
  name?: string;
  /** Plan designation or number (`beteckning`, `planid`). */
  designation?: string;
  /** Plan status, e.g. `samråd`, `granskning`, `antagen`, `laga kraft`. */
  status?: string;
  /** Purpose (`syfte`). */
  purpose?: string;
  /** Decisions (`beslutsinformation`), e.g. `{ kind: 'antagande', date: '2017-05-15' }`. */
  decisions: { kind: string; date?: string }[];
  /** The plan area boundary. */
  boundary: Polygon[];
}

export interface PlanDocument {
  format: PlanFormat;
  /** The source CRS of the horizontal coordinates, e.g. `EPSG:3014`; `EPSG:4326` for GeoJSON. */
  crs: string;
  /** Horizontal axis order found in the file. */
  axisOrder: AxisOrder;
  /** Why that order was chosen, one sentence (shown to the user). */
  axisOrderNote: string;
  /** The height system, e.g. `EPSG:5613` (RH 2000), when the file states one. */
  heightSystem?: string;
  plans: PlanInfo[];
  provisions: Provision[];
  warnings: PlanWarning[];
}
