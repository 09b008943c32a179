/**
 * Reusable zod building blocks of the scene spec, each with an `expected …` message
 * that the validation formatter completes with `, got <value>`.
 */
import './zod-jitless';
import { z } from 'zod';

/** Longitude, degrees east (WGS84). */
export const longitude = z
  .number({ error: 'expected a longitude in degrees' })
  .min(-180, { error: 'expected a longitude in degrees (−180…180)' })
  .max(180, { error: 'expected a longitude in degrees (−180…180)' });

/** Latitude, degrees north (WGS84). */
export const latitude = z
  .number({ error: 'expected a latitude in degrees' })
  .min(-90, { error: 'expected a latitude in degrees (−90…90)' })
  .max(90, { error: 'expected a latitude in degrees (−90…90)' });

/** Height above the WGS84 ellipsoid, metres. */
export const ellipsoidHeight = z
  .number({ error: 'expected a height in metres' })
  .min(-12_000, { error: 'expected a height in metres (−12000…1e8)' })
  .max(1e8, { error: 'expected a height in metres (−12000…1e8)' });

/** Opacity from 0 (invisible) to 1 (opaque). */
export const opacity = z
  .number({ error: 'expected an opacity between 0 and 1' })
  .min(0, { error: 'expected an opacity between 0 and 1' })
  .max(1, { error: 'expected an opacity between 0 and 1' });

/** A stable identifier: letters, digits, `-`, `_`, `.`, `:`, starting with a letter or digit. */
export const identifier = z
  .string({ error: 'expected an id (letters, digits, - _ . :)' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, { error: 'expected an id (letters, digits, - _ . :)' });

/** Is `value` an absolute http(s)/data/blob URL or a relative reference (resolved against the scene URL)? */
export function isUrlLike(value: string): boolean {
  if (value.trim() !== value || value.length === 0) return false;
  try {
    const u = new URL(value, 'http://relative.invalid/');
    return ['http:', 'https:', 'data:', 'blob:'].includes(u.protocol);
  } catch {
    return false;
  }
}

/** An absolute or scene-relative URL. */
export const url = z
  .string({ error: 'expected a URL' })
  .refine(isUrlLike, { error: 'expected a URL (absolute http(s) or relative to the scene)' });

/** Heading, degrees clockwise from north. */
export const heading = z.number({ error: 'expected a heading in degrees' });
/** Pitch, degrees; negative looks down (CesiumJS convention). */
export const pitch = z
  .number({ error: 'expected a pitch in degrees (−90…90)' })
  .min(-90, { error: 'expected a pitch in degrees (−90…90)' })
  .max(90, { error: 'expected a pitch in degrees (−90…90)' });
/** Vertical field of view, degrees. */
export const fov = z
  .number({ error: 'expected a vertical field of view in degrees (1…150)' })
  .min(1, { error: 'expected a vertical field of view in degrees (1…150)' })
  .max(150, { error: 'expected a vertical field of view in degrees (1…150)' });

/** A CSS hex colour, `#rgb` or `#rrggbb`. */
export const hexColour = z
  .string({ error: 'expected a hex colour such as "#a0b090"' })
  .regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, { error: 'expected a hex colour such as "#a0b090"' });
