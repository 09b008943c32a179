/** Where a scene opens: its start viewpoint, else an oblique view of the origin from the south. */
import type { GeoView } from '../engine/camera-pose';
import type { SceneDocument } from '../spec';

export function startView(doc: SceneDocument): Omit<GeoView, 'fov'> & { fov?: number } {
  const vp = doc.viewpoints.find((v) => v.id === doc.startViewpoint) ?? doc.viewpoints[0];
  if (vp) return vp;
  // 700 m south of the origin, 450 m up, looking north and down at it
  const dLat = -700 / 111_320;
  return { lon: doc.origin.lon, lat: doc.origin.lat + dLat, height: doc.origin.height + 450, heading: 0, pitch: -33 };
}
