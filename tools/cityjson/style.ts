/**
 * Colours and face handling of CityJSON surfaces, by city object type and semantic surface type.
 *
 * Buildings: roofs terracotta red, walls off-white (the usual CityJSON viewer convention, so roofs
 * and walls read apart from any angle), windows glass grey, doors brown; ground and closure
 * surfaces are dropped (never seen from outside). Without semantics (LoD1, LoD 1.2/1.3 blocks),
 * a building face is a roof when it faces up (normal z > 0.5), a floor (dropped) when it faces
 * straight down, otherwise a wall.
 *
 * Other types: roads grey, railways brown-grey, squares light paving, plant cover and vegetation
 * green, land use light green, water blue, bridges stone, terrain (TINRelief) sand, generic objects
 * and furniture neutral greys. Extension types (`+Something`) and unknown types are neutral grey.
 *
 * Facing (content is single-sided): closed solids and building surfaces keep their (checked)
 * outward orientation; ground-like surfaces (roads, land use, water…) are turned to face up, with
 * steep ones drawn from both sides; other open surfaces (generic objects, bridges modelled as
 * surfaces, furniture) are drawn from both sides.
 */
import { srgbHexToLinear, type Rgb } from '../lib/color';

const c = srgbHexToLinear;

export const PALETTE = {
  wall: c('#e6dfd1'),
  roof: c('#b5523b'),
  ceiling: c('#cfc8bb'),
  window: c('#7f959f'),
  door: c('#6b4a3a'),
  installation: c('#c9c2b4'),
  road: c('#8a8c8e'),
  roadAux: c('#b5b0a5'),
  marking: c('#e8e8e3'),
  railway: c('#6e6259'),
  square: c('#a7a39a'),
  plant: c('#6f9a50'),
  tree: c('#5e8a44'),
  landUse: c('#a9c28a'),
  water: c('#4f7d9c'),
  bridge: c('#b3a58c'),
  tunnel: c('#77736d'),
  terrain: c('#c2b89a'),
  generic: c('#b7b4ae'),
  furniture: c('#7d7a75'),
  other: c('#a39e95'),
  neutral: c('#bdbab4'),
} as const;

/** How a family of object types is drawn. */
export type Family = 'building' | 'bridge' | 'tunnel' | 'ground' | 'open';

const FAMILY: Record<string, Family> = {
  Building: 'building',
  BuildingPart: 'building',
  BuildingInstallation: 'building',
  BuildingConstructiveElement: 'building',
  Bridge: 'bridge',
  BridgePart: 'bridge',
  BridgeInstallation: 'bridge',
  BridgeConstructiveElement: 'bridge',
  Tunnel: 'tunnel',
  TunnelPart: 'tunnel',
  TunnelInstallation: 'tunnel',
  TunnelConstructiveElement: 'tunnel',
  Road: 'ground',
  Railway: 'ground',
  TransportSquare: 'ground',
  Waterway: 'ground',
  LandUse: 'ground',
  PlantCover: 'ground',
  WaterBody: 'ground',
  TINRelief: 'ground',
};

/** Object types that are inside other objects and never seen from outside: not converted. */
export const INTERIOR_TYPES: ReadonlySet<string> = new Set([
  'BuildingRoom',
  'BuildingFurniture',
  'BuildingStorey',
  'BuildingUnit',
  'BridgeRoom',
  'BridgeFurniture',
  'TunnelHollowSpace',
  'TunnelFurniture',
]);

export function familyOf(type: string): Family {
  return FAMILY[type] ?? 'open';
}

function baseColour(type: string): Rgb {
  switch (type) {
    case 'Building':
    case 'BuildingPart':
      return PALETTE.wall;
    case 'BuildingInstallation':
    case 'BuildingConstructiveElement':
      return PALETTE.installation;
    case 'Bridge':
    case 'BridgePart':
    case 'BridgeInstallation':
    case 'BridgeConstructiveElement':
      return PALETTE.bridge;
    case 'Tunnel':
    case 'TunnelPart':
    case 'TunnelInstallation':
    case 'TunnelConstructiveElement':
      return PALETTE.tunnel;
    case 'Road':
      return PALETTE.road;
    case 'Railway':
      return PALETTE.railway;
    case 'TransportSquare':
      return PALETTE.square;
    case 'Waterway':
    case 'WaterBody':
      return PALETTE.water;
    case 'LandUse':
      return PALETTE.landUse;
    case 'PlantCover':
      return PALETTE.plant;
    case 'SolitaryVegetationObject':
      return PALETTE.tree;
    case 'TINRelief':
      return PALETTE.terrain;
    case 'GenericCityObject':
      return PALETTE.generic;
    case 'CityFurniture':
      return PALETTE.furniture;
    case 'OtherConstruction':
      return PALETTE.other;
    default:
      return PALETTE.neutral;
  }
}

/** What to do with one surface: its colour, or `null` to drop it (with the reason, for the report). */
export type SurfaceStyle = { color: Rgb; kind: string } | { color: null; kind: string };

/**
 * Style of a surface of an object of `type` with semantic surface type `semantic` (or null) and
 * unit normal z component `nz` (after orientation fixes).
 */
export function surfaceStyle(type: string, semantic: string | null, nz: number): SurfaceStyle {
  const family = familyOf(type);
  if (semantic) {
    switch (semantic) {
      case 'RoofSurface':
        return { color: family === 'building' ? PALETTE.roof : baseColour(type), kind: 'roof' };
      case 'WallSurface':
        return { color: baseColour(type), kind: 'wall' };
      case 'GroundSurface':
        if (family === 'building' || family === 'tunnel') return { color: null, kind: 'ground' };
        return { color: baseColour(type), kind: 'ground' };
      case 'ClosureSurface':
      case 'WaterClosureSurface':
      case 'WaterGroundSurface':
      case 'TransportationHole':
        return { color: null, kind: 'closure' };
      case 'OuterCeilingSurface':
      case 'OuterFloorSurface':
        return { color: PALETTE.ceiling, kind: 'wall' };
      case 'Window':
        return { color: PALETTE.window, kind: 'window' };
      case 'Door':
        return { color: PALETTE.door, kind: 'door' };
      case 'WaterSurface':
        return { color: PALETTE.water, kind: 'water' };
      case 'TrafficArea':
        return { color: type === 'Railway' ? PALETTE.railway : baseColour(type), kind: 'traffic' };
      case 'AuxiliaryTrafficArea':
        return { color: PALETTE.roadAux, kind: 'traffic' };
      case 'TransportationMarking':
        return { color: PALETTE.marking, kind: 'marking' };
      default:
        break; // InteriorWallSurface, CeilingSurface, FloorSurface… fall through to the type's colour
    }
    if (/^(InteriorWall|Ceiling|Floor)Surface$/.test(semantic)) return { color: null, kind: 'interior' };
  }
  if (family === 'building' && (type === 'Building' || type === 'BuildingPart')) {
    if (nz > 0.5) return { color: PALETTE.roof, kind: 'roof' };
    if (nz < -0.9) return { color: null, kind: 'ground' };
    return { color: PALETTE.wall, kind: 'wall' };
  }
  return { color: baseColour(type), kind: 'surface' };
}
