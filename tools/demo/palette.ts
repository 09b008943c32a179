/**
 * Muted Scandinavian palette (sRGB hex → linear for glTF vertex colours).
 */
import { srgbHexToLinear, type Rgb } from '../lib/color';

const c = srgbHexToLinear;

export const WALL = {
  faluRed: c('#8a3324'),
  ochre: c('#c9a04f'),
  paleYellow: c('#e3cf96'),
  offWhite: c('#ebe6d9'),
  lightGrey: c('#c8c7c1'),
  warmGrey: c('#b5aa9a'),
  sage: c('#a7b39a'),
  paleBlue: c('#aebcc4'),
  brick: c('#9a5a44'),
  churchWhite: c('#f2efe6'),
  concrete: c('#b9b8b2'),
  glass: c('#7f959f'),
} as const;

export const ROOF = {
  darkGrey: c('#4a4c4e'),
  black: c('#333537'),
  tileRed: c('#7a3f30'),
  brownTile: c('#6b4a3a'),
  flatGrey: c('#6f7072'),
  copper: c('#6f9a86'),
  lightFlat: c('#8c8d8e'),
} as const;

/** Plinth (socle) stone colour. */
export const PLINTH = c('#6d6a66');

export const GROUND = {
  land: c('#b8c1a4'), // light grey-green
  street: c('#7f8285'),
  park: c('#7fa068'),
  grass: c('#93ad7a'),
  water: c('#4f7d9c'),
  quay: c('#a29d93'),
  quayWall: c('#777168'),
  paving: c('#c4bcae'),
  gravel: c('#c7b998'),
  yard: c('#a9aaa6'),
  industrial: c('#a3a29c'),
} as const;

export type { Rgb };
