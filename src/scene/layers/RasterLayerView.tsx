/**
 * Draws a `raster` layer: builds its overlay (lazily loaded: the sources, the projections, the
 * XML parser), drapes it on every ground surface through the engine's `RasterDrapes`, and
 * reports the layer's status from its tiles. Opacity, visibility, the timeline's crossfade and
 * the comparison's swipe reach the overlay through the layer's handle each time it is drawn.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { useStore } from 'zustand';
import { DEFAULT_DOWNLOAD_QUEUE } from '3d-tiles-renderer/core';
import { createRasterHandle } from '../../layers/raster/raster-handle';
import type { RadianBox } from '../../layers/raster/radian-box';
import { checkPlacement } from '../../layers/raster/placement-check';
import { resolveTemplateUrl } from '../../sources/raster/resolve-url';
import type { RasterLayerSpec } from '../../spec';
import type { LayerViewProps } from '../layer-views';
import { useRuntime } from '../runtime-context';

/** Fields that only change how the layer is shown, not what is fetched. */
const DISPLAY_ONLY = new Set(['name', 'visible', 'opacity', 'attribution', 'time']);

function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export function RasterLayerView({ layer, baseUrl }: LayerViewProps) {
  const spec = layer as RasterLayerSpec;
  const rt = useRuntime();
  const handle = useMemo(() => createRasterHandle(spec.id, () => rt.engine.frame), [spec.id, rt]);
  handle.opacity = spec.opacity;
  const order = useStore(rt.scene, (s) => s.doc?.layers.findIndex((l) => l.id === spec.id) ?? 0);
  const orderRef = useRef(order);
  orderRef.current = order;
  const specRef = useRef(spec);
  specRef.current = spec;
  // what is fetched: every field but the display-only ones (and `time`, unless it is sent to the service)
  const sourceKey = JSON.stringify(Object.entries(spec).filter(([k]) => !DISPLAY_ONLY.has(k) || (k === 'time' && spec.timeParameter)));
  const overlayRef = useRef<import('../../layers/raster/raster-overlay').RasterOverlay | null>(null);

  useEffect(() => {
    const unregister = rt.engine.registerLayer(handle);
    return () => {
      unregister();
      rt.status.getState().remove(spec.id);
    };
  }, [handle, rt, spec.id]);

  useEffect(() => {
    handle.object.visible = spec.visible;
  }, [handle, spec.visible]);

  // the timeline weighs layers with a time each frame; one without is always whole
  useEffect(() => {
    if (spec.time === undefined) handle.setTimeWeight(1);
  }, [handle, spec.time]);

  useEffect(() => {
    const current = specRef.current;
    const controller = new AbortController();
    let stop: (() => void) | null = null;
    let dispose: (() => void) | null = null;
    handle.begin();
    handle.drapesBusy = () => rt.engine.rasterDrapes.isBusy();
    import('../../layers/raster/build-raster')
      .then(({ buildRaster, createOverlayPlugin }) =>
        buildRaster({
          spec: current,
          url: resolveTemplateUrl(current.url, baseUrl),
          ...(current.worldFile ? { worldFileUrl: new URL(current.worldFile, baseUrl).href } : {}),
          queue: DEFAULT_DOWNLOAD_QUEUE,
          opacityOf: () => handle.drawnOpacity(),
          signal: controller.signal,
        }).then((build) => ({ build, createOverlayPlugin })),
      )
      .then(({ build, createOverlayPlugin }) => {
        dispose = () => build.overlay.dispose();
        if (controller.signal.aborted) return;
        const bounds = build.overlay.source.tiling.getContentBounds() as RadianBox;
        const placement = checkPlacement(bounds, rt.engine.frame.origin, current.bounds);
        if (placement.error) {
          handle.fail(sentence(placement.error));
          return;
        }
        handle.attach(build, placement.warnings);
        overlayRef.current = build.overlay;
        stop = rt.engine.rasterDrapes.addOverlay({ overlay: build.overlay, order: orderRef.current, bounds, createPlugin: createOverlayPlugin });
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        handle.fail(sentence(e instanceof Error ? e.message : String(e)));
      });
    return () => {
      controller.abort();
      overlayRef.current = null;
      handle.detach();
      // a library error while letting go of the overlay must not take the scene down with it
      try {
        stop?.();
        dispose?.();
      } catch (e) {
        console.warn(`Raster layer ${current.id}: the map could not be removed cleanly:`, e);
      }
    };
  }, [sourceKey, baseUrl, handle, rt]);

  useEffect(() => {
    if (overlayRef.current) rt.engine.rasterDrapes.setOrder(overlayRef.current, order);
  }, [rt, order]);

  useFrame(() => handle.poll((patch) => rt.status.getState().set(spec.id, patch)));

  return <primitive object={handle.object} />;
}
