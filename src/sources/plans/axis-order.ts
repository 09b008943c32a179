/**
 * Horizontal axis order of Swedish plan coordinates, from their values.
 *
 * Files write SWEREF 99 coordinates both as (E, N) (GeoJSON habit) and as (N, E) (the EPSG
 * order, GML). In Sweden the two are never confused by value: northings are 6.1–7.7 million
 * metres, while eastings are at most about 1.1 million (SWEREF 99 TM: 0.2–1.0 million; the
 * local zones: roughly −0.06–0.3 million around their false easting of 150 000).
 */
import { getCrs } from '../../geo';
import type { AxisOrder } from './plan-document';

/** Anything above this (metres) is a northing in every SWEREF 99 projection. */
const NORTHING_FLOOR = 2_000_000;

/**
 * The order of one coordinate pair as it appears in the file: `NE` when the first value is
 * the northing. `undefined` when the values do not tell (neither or both look like a northing).
 */
export function pairOrder(first: number, second: number): AxisOrder | undefined {
  const a = Math.abs(first) >= NORTHING_FLOOR;
  const b = Math.abs(second) >= NORTHING_FLOOR;
  if (a === b) return undefined;
  return a ? 'NE' : 'EN';
}

/** Tallies pair orders over a file and decides one order for it. */
export class AxisOrderVote {
  en = 0;
  ne = 0;
  /** The first pair seen that decided an order, for the note. */
  private sample: { first: number; second: number } | undefined;

  /** Counts one pair; returns its own order (or `undefined`). */
  add(first: number, second: number): AxisOrder | undefined {
    const order = pairOrder(first, second);
    if (order === 'EN') this.en++;
    else if (order === 'NE') this.ne++;
    if (order && !this.sample) this.sample = { first, second };
    return order;
  }

  /** The majority order; (E, N) when nothing decided. */
  get order(): AxisOrder {
    return this.ne > this.en ? 'NE' : 'EN';
  }

  /** One sentence saying which order was chosen and why. */
  note(crs: string): string {
    const name = crsName(crs);
    if (!this.sample) return `Coordinates read as (E, N), the GeoJSON order: their values do not tell northings from eastings in ${name}.`;
    const order = this.order;
    const first = order === 'NE' ? 'northings' : 'eastings';
    const mixed = this.en > 0 && this.ne > 0 ? ` (${Math.min(this.en, this.ne)} of ${this.en + this.ne} pairs were in the other order and were read that way)` : '';
    return `Coordinates read as (${order === 'NE' ? 'N, E' : 'E, N'}): first values ≈ ${formatMetres(this.sample.first)} are ${first} in ${name}${mixed}.`;
  }
}

function crsName(crs: string): string {
  try {
    return `${crs} (${getCrs(crs).name})`;
  } catch {
    return crs;
  }
}

/** 6 912 345 → "6.9 million", 157 000 → "157 000". */
function formatMetres(value: number): string {
  const v = Math.abs(value);
  if (v >= 1_000_000) return `${(value / 1_000_000).toFixed(1)} million`;
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}
