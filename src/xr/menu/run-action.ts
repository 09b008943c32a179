/** Runs a menu action against the stores and the XR navigator. */
import { Vector3 } from 'three';
import type { Runtime } from '../../engine/runtime';
import { layerControls } from '../../state/layer-controls';
import { findSceneControl } from '../../state/scene-controls';
import type { XrNavigator } from '../xr-navigator';
import type { XrRuntime } from '../xr-runtime';
import type { MenuAction } from './menu-model';

const _p = new Vector3();

export function runMenuAction(action: MenuAction, rt: Runtime, xr: XrRuntime, nav: XrNavigator): void {
  const scene = rt.scene.getState();
  switch (action.type) {
    case 'layer-visible': {
      const layer = scene.doc?.layers.find((l) => l.id === action.layerId);
      if (layer) scene.updateLayer(layer.id, { visible: !layer.visible });
      return;
    }
    case 'layer-control': {
      const layer = scene.doc?.layers.find((l) => l.id === action.layerId);
      const control = layer && layerControls(layer.type).find((c) => c.id === action.controlId);
      if (layer && control) scene.updateLayer(layer.id, control.patch(!control.value(layer)));
      return;
    }
    case 'compare': {
      const c = rt.compare.getState();
      c.setMode(c.mode === 'before' ? 'after' : 'before');
      return;
    }
    case 'time':
      rt.timeline.getState().setStep(action.step);
      return;
    case 'viewpoint': {
      const vp = scene.doc?.viewpoints.find((v) => v.id === action.viewpointId);
      if (!vp) return;
      const [x, y, z] = rt.engine.frame.toLocal(vp.lon, vp.lat, vp.height);
      nav.goToViewpoint(_p.set(x, y, z), vp.heading);
      return;
    }
    case 'scale':
      xr.setScale(action.scale);
      return;
    case 'exit':
      xr.exit().catch(() => {}); // the reason is in xr.view's error, shown by the desktop button
      return;
    case 'scene-control':
      runSceneControl(action, rt);
      return;
  }
}

function runSceneControl(action: Extract<MenuAction, { type: 'scene-control' }>, rt: Runtime): void {
  const c = findSceneControl(action.groupId, action.controlId);
  switch (c?.kind) {
    case 'toggle':
      c.set(rt, !c.value(rt));
      return;
    case 'choice':
      if (action.option !== undefined) c.set(rt, action.option);
      return;
    case 'range':
      if (action.delta) c.set(rt, Math.min(c.max(rt), Math.max(c.min(rt), c.value(rt) + action.delta * c.step)));
      return;
    case 'action':
      if (c.enabled?.(rt) ?? true) c.run(rt);
      return;
  }
}
