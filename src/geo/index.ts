/**
 * Public geodesy API: ellipsoid maths, the scene frame, the CRS registry and RH 2000 heights.
 * No three.js or React here; see ./README.md for the conventions.
 */
export { WGS84_A, WGS84_B, WGS84_E2, WGS84_F, DEG, geodeticToEcef, ecefToGeodetic, geodeticNormal, type Vec3 } from './ellipsoid';
export { pointInPolygon, pointInRing } from './planar';
export { createSceneFrame, eastNorthUpToEcef, enuAxes, type GeoOrigin, type Mat4, type SceneFrame } from './frame';
export { normaliseCrsCode, type CrsCode } from './crs-code';
export {
  BUILTIN_CRS,
  type CrsAxisOrder,
  type CrsBounds,
  type CrsDefinition,
  type CrsKind,
  type CrsUnits,
  type GeographicBounds,
  type ProjectedBounds,
} from './crs-definitions';
export {
  fromWgs84,
  getConverter,
  getCrs,
  hasCrs,
  listCrs,
  registerCrs,
  toWgs84,
  type CrsConverter,
  type RegisterCrsOptions,
  type Vec2,
} from './crs';
export { bilinearSampler, validateGrid, type GeoidGrid, type OutsideGrid } from './geoid-grid';
export {
  GEOID_APPROXIMATION_NOTE,
  HARNOSAND_GEOID,
  HARNOSAND_GEOID_HEIGHT,
  constantGeoid,
  createGeoidModel,
  ellipsoidalToRh2000,
  rh2000ToEllipsoidal,
  type CreateGeoidModelOptions,
  type GeoidModel,
} from './heights';
export { HARNOSAND_EGM96_GRID, HARNOSAND_REGIONAL_GEOID } from './geoid-harnosand';
export { EUROPE_CRS, LV03_PROJ4, LV95_PROJ4, RD_NEW_PROJ4, registerEuropeCrs } from './crs-europe';
// The EGM96 grids (./geoid-egm96-regions, ~35 KB) and ./vertical are not re-exported here, to keep them
// out of the app bundle: Node tools import './vertical' directly.
export { deltaT, julianDay, sunDirection, sunPosition, type SunPosition } from './sun-position';
export { DEFAULT_TIME_ZONE, formatLocalIso, fromLocalTime, isTimeZone, parseIsoInstant, toLocalTime, type LocalTime } from './local-time';
export { seasonInstant, sunLongitude } from './sun-position';
export { daylight, localDay, type Daylight, type LocalDay } from './sun-day';
