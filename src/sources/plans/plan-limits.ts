/**
 * Caps on the work a plan file may cause: the polygons and vertices of all its areas and lines,
 * counted as they are read, before they are checked and converted (an SS 637040 area that three
 * provisions refer to counts three times, since the zoning layer drapes, outlines and indexes
 * it for each of them). Real plans stay far below them: the SS 637040 example
 * has 16 provisions and 163 positions, the benchmark's synthetic plan 10,000 polygons and about
 * 41,000 vertices (3.4 MB). A plan at the caps costs the plan worker about half a gigabyte and
 * the GPU about 100 MB of buffers; far over them a plan would cost gigabytes, so it is refused
 * whole with an error that names the cap.
 */
import { formatNumber } from '../../shared/format-number';
import { PlanParseError } from './plan-error';

export interface PlanLimits {
  /** Most vertices of all areas, plan boundaries and lines together. */
  vertices: number;
  /** Most polygons of all provisions and plan boundaries together. */
  polygons: number;
  /**
   * Longest SS 637040 GML text, characters, checked before the XML is read: reading XML costs
   * about 20 bytes of memory and a microsecond a character (the example plan has 43,000
   * characters; a GML plan at the vertex cap 6–11 million).
   */
  gmlCharacters: number;
}

export const PLAN_LIMITS: Readonly<PlanLimits> = Object.freeze({ vertices: 250_000, polygons: 25_000, gmlCharacters: 16 * 1_048_576 });

/**
 * Refuses GML longer than the cap, before it is parsed.
 * @throws PlanParseError past `limits.gmlCharacters`
 */
export function checkGmlLength(xml: string, limits: Partial<PlanLimits> = {}): void {
  const max = limits.gmlCharacters ?? PLAN_LIMITS.gmlCharacters;
  if (xml.length > max) {
    throw new PlanParseError(`The plan is too large to read: its GML has ${formatNumber(xml.length, 'en')} characters, more than ${formatNumber(max, 'en')} (the limit for SS 637040 files). No part of it is drawn.`);
  }
}

/** Counts a plan's geometry against its limits while it is read. */
export class PlanBudget {
  private vertices = 0;
  private polygons = 0;
  private readonly limits: PlanLimits;

  constructor(limits: Partial<PlanLimits> = {}) {
    this.limits = { ...PLAN_LIMITS, ...limits };
  }

  /**
   * Counts `count` vertices (before they are checked or converted, so that no cap is passed
   * by much work).
   * @throws PlanParseError past the vertex cap
   */
  addVertices(count: number): void {
    this.vertices += count;
    if (this.vertices > this.limits.vertices) this.refuse(this.limits.vertices, 'vertices');
  }

  /**
   * Counts one polygon of `vertexCount` vertices.
   * @throws PlanParseError past either cap
   */
  addPolygon(vertexCount: number): void {
    this.polygons++;
    if (this.polygons > this.limits.polygons) this.refuse(this.limits.polygons, 'polygons');
    this.addVertices(vertexCount);
  }

  private refuse(limit: number, what: string): never {
    throw new PlanParseError(`The plan is too large to draw: its areas have more than ${formatNumber(limit, 'en')} ${what} in all (the limit). No part of it is drawn.`);
  }
}
