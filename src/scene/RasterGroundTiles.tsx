/** The tiles of the raster ground (see ./RasterGround.tsx); loaded lazily with the first raster. */
import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { useStore } from 'zustand';
import { MeshLambertMaterial } from 'three';
import { GeneratedSurfacePlugin } from '3d-tiles-renderer/plugins';
import { TilesRenderer } from '3d-tiles-renderer/three';
import type { SceneFrame } from '../geo';
import { markMaterialDrapeReceiver } from '../layers/drape/drape-materials';
import { GroundMaterialPlugin } from '../layers/raster/ground-material-plugin';
import { GROUND_RADIUS } from '../layers/raster/radian-box';
import { groundTiling } from '../layers/raster/ground-tiling';
import { TangentPlaneSurface } from '../layers/raster/tangent-plane-surface';
import type { RadianBox } from '../layers/raster/radian-box';
import { applyTileBudget, type TileBudget } from '../engine/tiles/tile-budget';
import { syncTileCameras } from '../engine/tiles/tile-cameras';
import { useRuntime } from './runtime-context';

/** Screen pixels a texel of the raster ground may cover before finer tiles load. */
const ERROR_TARGET = 2;

export default function RasterGroundTiles({ content, frame, y, colour }: { content: RadianBox; frame: SceneFrame; y: number; colour: string | null }) {
  const rt = useRuntime();
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const material = useMemo(() => {
    // without a ground plane the surface itself is invisible: only the rasters show
    const m = new MeshLambertMaterial({ transparent: colour === null, opacity: colour === null ? 0 : 1, polygonOffset: true, polygonOffsetFactor: -1, polygonOffsetUnits: -4 });
    markMaterialDrapeReceiver(m);
    return m;
  }, [colour]);
  if (colour !== null) material.color.set(colour);
  const { tiles, groundMaterial } = useMemo(() => {
    const t = new TilesRenderer();
    t.surface = new TangentPlaneSurface(frame, 2 * GROUND_RADIUS);
    const plugin = new GroundMaterialPlugin(material);
    t.registerPlugin(plugin);
    const tiling = groundTiling(frame.origin, content);
    t.registerPlugin(new GeneratedSurfacePlugin({ overlay: { init: () => Promise.resolve(), tiling }, projection: 'ellipsoid', endCaps: false, useRecommendedSettings: false }));
    // the surface is built in the origin's east-north-up frame: rotate it into the scene (x east, y up, z south)
    t.group.rotation.set(-Math.PI / 2, 0, 0);
    t.group.name = 'raster-ground';
    return { tiles: t, groundMaterial: plugin };
  }, [frame, content, material]);

  // the sun study's shadows fall on the maps as on the ground plane
  const shadows = useStore(rt.sun, (s) => s.shadows);
  useEffect(() => groundMaterial.setReceiveShadow(shadows), [groundMaterial, shadows]);

  useEffect(() => {
    tiles.group.position.set(0, y, 0);
    tiles.group.updateMatrixWorld(true);
  }, [tiles, y]);

  useEffect(() => {
    const stop = rt.engine.rasterDrapes.addReceiver(tiles, { tileSplitting: false });
    return () => {
      stop();
      tiles.dispose();
      material.dispose();
    };
  }, [rt, tiles, material]);

  const budget = useRef<TileBudget | null>(null);
  useFrame(() => {
    const q = rt.engine.tileQuality;
    if (budget.current !== q.budget) {
      applyTileBudget(tiles, q.budget);
      budget.current = q.budget;
    }
    tiles.errorTarget = ERROR_TARGET * q.errorScale;
    syncTileCameras(tiles, gl, camera);
    tiles.update();
  });

  return <primitive object={tiles.group} />;
}
