/**
 * Draws a `tiles3d` layer with 3d-tiles-renderer's R3F components: decoders (Draco, KTX2,
 * meshopt) and metadata through GLTFExtensionsPlugin, implicit tiling, fade-in, the shared
 * memory budget, and the ECEF → scene-frame placement.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useThree } from '@react-three/fiber';
import { TilesRenderer, TilesPlugin } from '3d-tiles-renderer/r3f';
import { GLTFExtensionsPlugin, ImplicitTilingPlugin, TilesFadePlugin } from '3d-tiles-renderer/plugins';
import type { TilesRenderer as TilesRendererImpl } from '3d-tiles-renderer/three';
import { Matrix4, type Object3D } from 'three';
import { getDecoders } from '../../engine/tiles/decoders';
import { applyTileBudget, DESKTOP_BUDGET } from '../../engine/tiles/tile-budget';
import { createTiles3dHandle } from '../../layers/tiles3d/tiles3d-handle';
import { applyOpacity } from '../../layers/tiles3d/opacity';
import type { Tiles3dLayerSpec } from '../../spec';
import type { LayerViewProps } from '../layer-views';
import { useRuntime } from '../runtime-context';

const _lift = new Matrix4();

export function Tiles3dLayerView({ layer, baseUrl }: LayerViewProps) {
  const spec = layer as Tiles3dLayerSpec;
  const rt = useRuntime();
  const gl = useThree((s) => s.gl);
  const decoders = useMemo(() => getDecoders(gl), [gl]);
  const url = useMemo(() => new URL(spec.url, baseUrl).href, [spec.url, baseUrl]);
  const [tiles, setTiles] = useState<TilesRendererImpl | null>(null);
  const pickable = useRef(spec.pickable);
  pickable.current = spec.pickable;
  const opacity = useRef(spec.opacity);
  opacity.current = spec.opacity;
  const frame = rt.engine.frame;

  const gltfArgs = useMemo(
    () => [{ dracoLoader: decoders.draco, ktxLoader: decoders.ktx2, meshoptDecoder: decoders.meshopt, metadata: true, rtc: true, autoDispose: false }] as const,
    [decoders],
  );

  // place the ECEF tileset in the scene frame, lifted by heightOffset along local up
  useLayoutEffect(() => {
    if (!tiles) return;
    const g = tiles.group;
    g.matrixAutoUpdate = false;
    g.matrix.fromArray(frame.ecefToLocal as number[]);
    g.matrix.premultiply(_lift.makeTranslation(0, spec.heightOffset, 0));
    g.matrix.decompose(g.position, g.quaternion, g.scale);
    g.updateMatrixWorld(true);
    applyTileBudget(tiles, DESKTOP_BUDGET);
  }, [tiles, frame, spec.heightOffset]);

  // engine handle + status reporting
  useEffect(() => {
    if (!tiles) return;
    const status = rt.status.getState();
    const handle = createTiles3dHandle(spec.id, tiles, (patch) => status.set(spec.id, patch), { pickable: () => pickable.current });
    const unregister = rt.engine.registerLayer(handle);
    const onModel = (e: { scene: Object3D }) => {
      if (opacity.current < 1) applyOpacity(e.scene, opacity.current);
    };
    tiles.addEventListener('load-model', onModel as never);
    return () => {
      tiles.removeEventListener('load-model', onModel as never);
      unregister();
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

  return (
    <TilesRenderer ref={setTiles} url={url} errorTarget={spec.errorTarget} enabled={spec.visible}>
      <TilesPlugin plugin={GLTFExtensionsPlugin} args={gltfArgs as never} />
      <TilesPlugin plugin={ImplicitTilingPlugin} />
      <TilesPlugin plugin={TilesFadePlugin} args={[{ fadeDuration: 300 }] as never} />
    </TilesRenderer>
  );
}
