/**
 * Animated flight between two geographic views: geodetic interpolation with a height arc for
 * long hops, shortest-way heading, smoothstep easing.
 */
import type { GeoView } from '../camera-pose';

export interface Flight {
  from: GeoView;
  to: GeoView;
  startMs: number;
  durationMs: number;
  /** Extra height at mid-flight, metres. */
  arc: number;
  done: (arrived: boolean) => void;
}

const R = 6_371_000;

/** Great-circle-ish ground distance between two views, metres (equirectangular; fine for a city). */
export function groundDistance(a: GeoView, b: GeoView): number {
  const lat = ((a.lat + b.lat) / 2) * (Math.PI / 180);
  const dx = ((b.lon - a.lon) * Math.PI) / 180 * Math.cos(lat) * R;
  const dy = ((b.lat - a.lat) * Math.PI) / 180 * R;
  return Math.hypot(dx, dy);
}

/** A pleasant duration for a hop, milliseconds: longer for longer hops, 0.6–3 s. */
export function flightDuration(a: GeoView, b: GeoView): number {
  const d = groundDistance(a, b) + Math.abs(b.height - a.height);
  return Math.min(3000, 600 + 400 * Math.log10(1 + d / 10));
}

export function createFlight(from: GeoView, to: GeoView, startMs: number, durationMs: number, done: Flight['done']): Flight {
  const d = groundDistance(from, to);
  const arc = d > 300 ? Math.min(d * 0.25, 4000) : 0;
  return { from, to, startMs, durationMs, arc, done };
}

function smoothstep(t: number): number {
  return t * t * (3 - 2 * t);
}

function lerpAngle(a: number, b: number, t: number): number {
  const d = ((((b - a) % 360) + 540) % 360) - 180;
  return (((a + d * t) % 360) + 360) % 360;
}

/** The view at `nowMs` into `out`; returns `true` when the flight has arrived. */
export function flightViewAt(f: Flight, nowMs: number, out: GeoView): boolean {
  const raw = f.durationMs <= 0 ? 1 : Math.min(1, Math.max(0, (nowMs - f.startMs) / f.durationMs));
  const t = smoothstep(raw);
  out.lon = f.from.lon + (f.to.lon - f.from.lon) * t;
  out.lat = f.from.lat + (f.to.lat - f.from.lat) * t;
  out.height = f.from.height + (f.to.height - f.from.height) * t + f.arc * Math.sin(Math.PI * t);
  out.heading = lerpAngle(f.from.heading, f.to.heading, t);
  out.pitch = f.from.pitch + (f.to.pitch - f.from.pitch) * t;
  out.fov = f.from.fov + (f.to.fov - f.from.fov) * t;
  return raw >= 1;
}
