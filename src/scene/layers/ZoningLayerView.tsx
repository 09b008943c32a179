/**
 * Draws a `zoning` layer: loads and triangulates the plan in a Web Worker, drapes its areas on
 * whatever ground lies under them, shows maximum-height envelopes, and registers the layer's
 * handle so picking and `featuresAt` return the regulations at a point.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { loadPlanOffThread } from '../../layers/zoning/load-off-thread';
import type { PlanObjects } from '../../layers/zoning/plan-objects';
import { showLoadedPlan } from '../../layers/zoning/show-plan';
import { createZoningHandle } from '../../layers/zoning/zoning-handle';
import type { ZoningLayerSpec } from '../../spec';
import type { LayerViewProps } from '../layer-views';
import { useRuntime } from '../runtime-context';

export function ZoningLayerView({ layer, baseUrl }: LayerViewProps) {
  const spec = layer as ZoningLayerSpec;
  const rt = useRuntime();
  const url = useMemo(() => new URL(spec.url, baseUrl).href, [spec.url, baseUrl]);
  const originHeight = useStore(rt.scene, (s) => s.doc?.origin.height ?? 0);
  const groundHeight = spec.groundHeight ?? originHeight;
  const ground = useRef(groundHeight);
  ground.current = groundHeight;
  const handle = useMemo(() => createZoningHandle(spec.id, () => rt.engine.frame, () => ground.current), [spec.id, rt]);
  const objects = useRef<PlanObjects | null>(null);
  const mappingKey = JSON.stringify(spec.mapping ?? null);
  const look = useRef({ opacity: spec.opacity, volumes: spec.volumes });
  look.current = { opacity: spec.opacity, volumes: spec.volumes };

  useEffect(() => {
    const unregister = rt.engine.registerLayer(handle);
    return () => {
      unregister();
      handle.dispose();
      objects.current = null;
      rt.status.getState().remove(spec.id);
    };
  }, [handle, rt, spec.id]);

  useEffect(() => {
    const status = rt.status.getState();
    status.set(spec.id, { state: 'loading', error: undefined, warnings: [], notes: [] });
    handle.setBusy(true);
    const frame = rt.engine.frame;
    const job = loadPlanOffThread({
      url,
      format: spec.format,
      crs: spec.crs,
      mapping: spec.mapping,
      origin: { ...frame.origin },
      groundHeight,
      drapeRange: spec.drapeRange,
    });
    let live = true;
    job.promise
      .then((result) => {
        if (!live) return;
        const shown = showLoadedPlan(handle, result, look.current);
        objects.current = shown.objects;
        handle.setBusy(false);
        status.set(spec.id, shown.status);
      })
      .catch((e: unknown) => {
        // a plan that could not be loaded (or anything above that threw): the layer says why
        if (!live || (e instanceof Error && e.name === 'AbortError')) return;
        handle.clearPlan();
        objects.current = null;
        handle.setBusy(false);
        status.set(spec.id, { state: 'error', error: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      live = false;
      job.cancel();
    };
    // the mapping is compared by value
  }, [url, spec.format, spec.crs, mappingKey, groundHeight, spec.drapeRange, handle, rt, spec.id]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    handle.object.visible = spec.visible;
  }, [handle, spec.visible]);

  useEffect(() => {
    objects.current?.setOpacity(spec.opacity);
  }, [spec.opacity]);

  useEffect(() => {
    objects.current?.setVolumesVisible(spec.volumes);
  }, [spec.volumes]);

  return <primitive object={handle.object} />;
}
