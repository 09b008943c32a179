/**
 * Draws a `tiles3d` layer with 3d-tiles-renderer's R3F components: decoders (Draco, KTX2,
 * meshopt) and metadata through GLTFExtensionsPlugin, implicit tiling, fade-in, a cap on nested
 * external tilesets, the shared memory budget, and the ECEF → scene-frame placement.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { TilesRenderer, TilesPlugin } from '3d-tiles-renderer/r3f';
import { GLTFExtensionsPlugin, ImplicitTilingPlugin, TilesFadePlugin } from '3d-tiles-renderer/plugins';
import { ExternalTilesetDepthPlugin } from '../../engine/tiles/external-depth-plugin';
import { LegacyB3dmPlugin } from '../../engine/tiles/legacy-b3dm-plugin';
import { MultipleContentsPlugin } from '../../engine/tiles/multiple-contents-plugin';
import type { TilesRenderer as TilesRendererImpl } from '3d-tiles-renderer/three';
import type { Object3D } from 'three';
import { getDecoders, reportingKtx2Loader } from '../../engine/tiles/decoders';
import { applyTileBudget, type TileBudget } from '../../engine/tiles/tile-budget';
import { syncTileCameras } from '../../engine/tiles/tile-cameras';
import { createTiles3dHandle, type Tiles3dHandle } from '../../layers/tiles3d/tiles3d-handle';
import { applyOpacity } from '../../layers/tiles3d/opacity';
import { markDrapeReceiver, markNoDrape } from '../../layers/drape/drape-materials';
import { isLocalTileset, tilesetToScene, type Placement } from '../../layers/tiles3d/placement';
import type { Tiles3dLayerSpec } from '../../spec';
import type { LayerViewProps } from '../layer-views';
import { useRuntime } from '../runtime-context';

export function Tiles3dLayerView({ layer, baseUrl }: LayerViewProps) {
  const spec = layer as Tiles3dLayerSpec;
  const rt = useRuntime();
  const gl = useThree((s) => s.gl);
  const decoders = useMemo(() => getDecoders(gl), [gl]);
  const url = useMemo(() => new URL(spec.url, baseUrl).href, [spec.url, baseUrl]);
  const [tiles, setTiles] = useState<TilesRendererImpl | null>(null);
  const pickable = useRef(spec.pickable);
  pickable.current = spec.pickable;
  const hasPlacement = useRef(spec.placement !== undefined);
  hasPlacement.current = spec.placement !== undefined;
  const opacity = useRef(spec.opacity);
  opacity.current = spec.opacity;
  const receivesDrape = useRef(spec.receivesDrape);
  receivesDrape.current = spec.receivesDrape;
  const frame = rt.engine.frame;
  // a tileset in local coordinates with no placement is shown at the scene origin
  const [autoPlaced, setAutoPlaced] = useState(false);
  const p = spec.placement;
  const placement = useMemo<Placement | null>(() => {
    if (p) return { lon: p.lon, lat: p.lat, height: p.height, heading: p.heading };
    return autoPlaced ? { ...frame.origin, heading: 0 } : null;
  }, [p?.lon, p?.lat, p?.height, p?.heading, autoPlaced, frame]); // eslint-disable-line react-hooks/exhaustive-deps

  const handleRef = useRef<Tiles3dHandle | null>(null);
  const gltfArgs = useMemo(() => {
    // this layer's view of the shared KTX2 loader, so an undecodable texture reaches its status
    const ktxLoader = reportingKtx2Loader(decoders.ktx2, (e) =>
      handleRef.current?.fail(`a KTX2 texture could not be decoded (${e instanceof Error ? e.message : String(e)})`),
    );
    return [{ dracoLoader: decoders.draco, ktxLoader, meshoptDecoder: decoders.meshopt, metadata: true, rtc: true, autoDispose: false }] as const;
  }, [decoders]);

  // place the tileset (ECEF, or local at its placement) in the scene frame
  useLayoutEffect(() => {
    if (!tiles) return;
    const g = tiles.group;
    g.matrixAutoUpdate = false;
    tilesetToScene(frame, placement, spec.heightOffset, g.matrix);
    g.matrix.decompose(g.position, g.quaternion, g.scale);
    g.updateMatrixWorld(true);
  }, [tiles, frame, placement, spec.heightOffset]);

  // level of detail each frame: the canvas camera, or the eye cameras in XR (see syncTileCameras),
  // and the engine's tile quality (error-target scale and memory budget; the XR profile changes them)
  const camera = useThree((s) => s.camera);
  const budget = useRef<TileBudget | null>(null);
  const errorTarget = useRef(spec.errorTarget);
  errorTarget.current = spec.errorTarget;
  useFrame(() => {
    if (!tiles) return;
    const q = rt.engine.tileQuality;
    if (budget.current !== q.budget) {
      applyTileBudget(tiles, q.budget);
      budget.current = q.budget;
    }
    tiles.errorTarget = errorTarget.current * q.errorScale;
    syncTileCameras(tiles, gl, camera);
    tiles.update();
  });

  // engine handle + status reporting
  useEffect(() => {
    if (!tiles) return;
    const status = rt.status.getState();
    const handle = createTiles3dHandle(spec.id, tiles, (patch) => status.set(spec.id, patch), { pickable: () => pickable.current });
    handleRef.current = handle;
    const unregister = rt.engine.registerLayer(handle);
    const onModel = (e: { scene: Object3D }) => {
      if (opacity.current < 1) applyOpacity(e.scene, opacity.current);
      if (receivesDrape.current) markDrapeReceiver(e.scene);
      else markNoDrape(e.scene);
    };
    const onRoot = () => {
      if (!hasPlacement.current && isLocalTileset(tiles)) {
        handle.warn('The tileset is not georeferenced (its coordinates lie near the Earth’s centre); it is shown at the scene origin. Set "placement" to position it.');
        setAutoPlaced(true);
      }
    };
    tiles.addEventListener('load-model', onModel as never);
    tiles.addEventListener('load-root-tileset', onRoot as never);
    return () => {
      tiles.removeEventListener('load-model', onModel as never);
      tiles.removeEventListener('load-root-tileset', onRoot as never);
      unregister();
      handleRef.current = null;
      handle.dispose();
      rt.status.getState().remove(spec.id);
    };
  }, [tiles, rt, spec.id]);

  useEffect(() => {
    if (!tiles) return;
    tiles.forEachLoadedModel((scene) => applyOpacity(scene, spec.opacity));
  }, [tiles, spec.opacity]);

  useEffect(() => {
    if (tiles) tiles.group.visible = spec.visible;
  }, [tiles, spec.visible]);

  // raster layers (maps) are draped on ground tilesets, never on buildings
  useEffect(() => {
    if (!tiles || !spec.receivesDrape) return;
    return rt.engine.rasterDrapes.addReceiver(tiles, { tileSplitting: true });
  }, [tiles, rt, spec.receivesDrape]);

  return (
    // hidden layers keep streaming (not drawn), so toggling, e.g. proposal against today, is instant
    // enabled={false}: this view updates the tiles itself (above), after choosing the cameras
    <TilesRenderer ref={setTiles} url={url} enabled={false}>
      <TilesPlugin plugin={GLTFExtensionsPlugin} args={gltfArgs as never} />
      <TilesPlugin plugin={ImplicitTilingPlugin} />
      <TilesPlugin plugin={MultipleContentsPlugin} />
      <TilesPlugin plugin={LegacyB3dmPlugin} />
      <TilesPlugin plugin={TilesFadePlugin} args={[{ fadeDuration: 300 }] as never} />
      <TilesPlugin plugin={ExternalTilesetDepthPlugin} />
    </TilesRenderer>
  );
}
