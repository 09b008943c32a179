/**
 * The raster ground: where raster layers (maps, aerial photos) lie beyond the ground tiles,
 * a tiled surface over the ground plane receives them, built by 3d-tiles-renderer's
 * `GeneratedSurfacePlugin` on the plane (not the curved ellipsoid, which would sink below a
 * flat plane within a few km) and draped by the same `ImageOverlayPlugin` as ground tiles. It
 * has the ground plane's colour, so it is seen only where a raster is; without a ground plane
 * it is transparent but for the rasters. Mounted only while the scene has rasters.
 */
import { lazy, Suspense, useMemo, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { boxAround, GROUND_RADIUS, intersectBoxes, type RadianBox } from '../layers/raster/radian-box';
import { groundPlaneY } from './GroundPlane';
import { useRuntime } from './runtime-context';

// the tiles and their plugins load with the first raster
const RasterGroundTiles = lazy(() => import('./RasterGroundTiles'));

function unionOf(boxes: readonly RadianBox[]): RadianBox | null {
  if (boxes.length === 0) return null;
  const out: RadianBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    out[0] = Math.min(out[0], b[0]);
    out[1] = Math.min(out[1], b[1]);
    out[2] = Math.max(out[2], b[2]);
    out[3] = Math.max(out[3], b[3]);
  }
  return out;
}

export function RasterGround() {
  const rt = useRuntime();
  const drapes = rt.engine.rasterDrapes;
  const revision = useSyncExternalStore(
    (listener) => drapes.subscribe(listener),
    () => drapes.revision,
  );
  const origin = useStore(rt.scene, (s) => s.doc?.origin);
  const ground = useStore(rt.scene, (s) => s.doc?.ground);
  const content = useMemo(() => {
    const union = unionOf(drapes.list().map((o) => o.bounds));
    return union && origin ? intersectBoxes(union, boxAround(origin, GROUND_RADIUS)) : null;
  }, [drapes, revision, origin]);
  if (!content || !origin) return null;
  const y = groundPlaneY(ground, origin.height);
  return (
    <Suspense fallback={null}>
      <RasterGroundTiles key={content.join(',')} content={content} frame={rt.engine.frame} y={y} colour={ground?.colour ?? null} />
    </Suspense>
  );
}

