/**
 * The teleport arc: a parabola from the controller, cast segment by segment against the
 * scene, and the rule for which surfaces are valid targets. Pure maths over three.js
 * vectors; the caller supplies the segment cast. Allocation-free.
 */
import { Vector3 } from 'three';
import { GROUND_PLANE, GROUND_SURFACE } from './xr-raycast';

/** Points on the arc (the first is the start); the arc drawn is `points[0…count-1]`. */
export interface ArcResult {
  points: Vector3[];
  count: number;
  /** Whether a segment hit something (`hitPoint` and `hitNormal` are then set). */
  hit: boolean;
  hitPoint: Vector3;
  /** Surface normal at the hit, world frame, unit length. */
  hitNormal: Vector3;
  /** What was hit, as `castLayers` reports it: `ground-plane`, `ground`, or a layer's type (e.g. `tiles3d`). */
  hitKind: string;
}

export const ARC_SEGMENTS = 24;

export function createArcResult(): ArcResult {
  return {
    points: Array.from({ length: ARC_SEGMENTS + 1 }, () => new Vector3()),
    count: 0,
    hit: false,
    hitPoint: new Vector3(),
    hitNormal: new Vector3(),
    hitKind: '',
  };
}

/**
 * Casts one segment from `a` to `b`; on a hit writes the point and normal and returns the kind
 * of surface hit, else `null`.
 */
export type SegmentCast = (a: Vector3, b: Vector3, point: Vector3, normal: Vector3) => string | null;

/**
 * Samples the arc from `start` along `direction` (unit) with launch speed `speed` (metres per
 * second) under gravity `gravity` (metres per second², pointing −y), all in world units
 * (multiply by the XR origin's scale in table-top mode), and casts it until the first hit.
 */
export function castArc(start: Vector3, direction: Vector3, speed: number, gravity: number, cast: SegmentCast, out: ArcResult): ArcResult {
  // time step so the arc reaches ~3× its rise before the last segment
  const flight = (2 * speed) / gravity;
  const dt = (flight * 1.5) / ARC_SEGMENTS;
  out.hit = false;
  out.hitKind = '';
  out.points[0]!.copy(start);
  out.count = 1;
  for (let i = 1; i <= ARC_SEGMENTS; i++) {
    const t = i * dt;
    const p = out.points[i]!;
    p.copy(start).addScaledVector(direction, speed * t);
    p.y -= 0.5 * gravity * t * t;
    out.count = i + 1;
    const kind = cast(out.points[i - 1]!, p, out.hitPoint, out.hitNormal);
    if (kind !== null) {
      p.copy(out.hitPoint);
      out.hit = true;
      out.hitKind = kind;
      return out;
    }
  }
  return out;
}

/** Cosine of the steepest slope one may teleport onto (about 35°). */
export const MIN_UP_DOT = 0.82;

/**
 * Whether a hit is a valid teleport target: a near-horizontal surface that is the ground
 * (`ground-plane`, or `ground`: a surface that drapes colour, such as terrain, at any height)
 * or lies within `maxAboveGround` metres of the ground height `groundY` (so streets and quays
 * of other tilesets, not roofs or walls).
 */
export function isTeleportTarget(kind: string, point: Vector3, normal: Vector3, groundY: number, maxAboveGround = 3): boolean {
  if (normal.y < MIN_UP_DOT) return false;
  if (kind === GROUND_SURFACE || kind === GROUND_PLANE) return true;
  return point.y - groundY <= maxAboveGround;
}
