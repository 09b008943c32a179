/**
 * The page's URL parameters: `?scene=<url>`, `?view=lon,lat,height,heading,pitch`,
 * `?time=<year or ISO date>` (where the timeline opens), `?emulate=quest3` (an emulated
 * headset, see src/xr/emulator.ts) and `?xrAdaptive=0` (holds the XR error target still, for
 * measurements).
 */
import type { GeoView } from '../engine/camera-pose';

export const DEFAULT_SCENE_URL = './scenes/demo.json';

export interface UrlParams {
  scene: string;
  view: (Omit<GeoView, 'fov'> & { fov?: number }) | null;
  /** Why `view` was ignored, if it was given but malformed. */
  viewError: string | null;
  /** `?emulate=quest3`: install the emulated Meta Quest 3 before the app starts. */
  emulate: 'quest3' | null;
  /** `?xrAdaptive=0` turns the XR adaptive quality loop off (default on). */
  xrAdaptive: boolean;
  /** `?time=1880` (a year or an ISO date): where the timeline opens; `null` for the scene's own start. */
  time: string | null;
}

export function parseUrlParams(search: string): UrlParams {
  const params = new URLSearchParams(search);
  const scene = params.get('scene') || DEFAULT_SCENE_URL;
  const flags = {
    emulate: params.get('emulate') === 'quest3' ? ('quest3' as const) : null,
    xrAdaptive: params.get('xrAdaptive') !== '0',
    time: params.get('time')?.trim() || null,
  };
  const raw = params.get('view');
  if (!raw) return { scene, view: null, viewError: null, ...flags };
  // Number('') is 0: an empty field must not silently become 0°
  const parts = raw.split(',').map((s) => (s.trim() === '' ? NaN : Number(s)));
  const [lon, lat, height, heading = 0, pitch = -30, fov] = parts;
  const ok =
    parts.length >= 3 &&
    parts.length <= 6 &&
    parts.every(Number.isFinite) &&
    Math.abs(lon!) <= 180 &&
    Math.abs(lat!) <= 90 &&
    Math.abs(pitch) <= 90 &&
    (fov === undefined || (fov >= 1 && fov <= 150));
  if (!ok) return { scene, view: null, viewError: `?view=${raw}: expected lon,lat,height[,heading,pitch[,fov]] in degrees and metres`, ...flags };
  const view = { lon: lon!, lat: lat!, height: height!, heading, pitch, ...(fov !== undefined ? { fov } : {}) };
  return { scene, view, viewError: null, ...flags };
}
