/**
 * What the in-scene menu lists, as plain data: layer visibility (with each layer kind's
 * registered controls under it), the proposal-against-today toggle of the active comparison,
 * the viewpoints, the scale mode and exit. Pure; the menu component draws it and runs actions.
 */
import type { SceneDocument } from '../../spec';
import { findComparison, sceneComparisons, type CompareMode } from '../../state/compare-store';
import { layerControls } from '../../state/layer-controls';
import '../../state/layer-controls-builtin';
import { sceneTimeline } from '../../state/timeline';
import type { Lang } from '../../state/ui-store';
import { xrText } from './xr-messages';

export type XrScale = 'street' | 'table';

export type MenuAction =
  | { type: 'layer-visible'; layerId: string }
  | { type: 'layer-control'; layerId: string; controlId: string }
  | { type: 'compare' }
  | { type: 'time'; step: number }
  | { type: 'viewpoint'; viewpointId: string }
  | { type: 'scale'; scale: XrScale }
  | { type: 'exit' };

export interface MenuItem {
  /** Stable id, e.g. `layer:buildings`, `viewpoint:library`, `exit`. */
  id: string;
  label: string;
  kind: 'header' | 'toggle' | 'button';
  /** For toggles (and the current scale): whether it is on. */
  checked: boolean;
  /** Indented under the item above (a layer's own controls). */
  indent: boolean;
  /** Which column of the panel (0 left, 1 right). */
  column: 0 | 1;
  action: MenuAction | null;
}

export interface MenuInput {
  doc: SceneDocument | null;
  compare: { activeId: string | null; mode: CompareMode };
  /** The timeline step the scene is at (see `src/state/timeline.ts`). */
  timeStep: number;
  scale: XrScale;
  mode: 'immersive-vr' | 'immersive-ar' | null;
  lang: Lang;
}

function item(id: string, label: string, kind: MenuItem['kind'], column: 0 | 1, action: MenuAction | null, checked = false, indent = false): MenuItem {
  return { id, label, kind, checked, indent, column, action };
}

export function buildMenu({ doc, compare, timeStep, scale, mode, lang }: MenuInput): MenuItem[] {
  const t = (k: Parameters<typeof xrText>[1]) => xrText(lang, k);
  const out: MenuItem[] = [item('header:layers', t('layers'), 'header', 0, null)];
  for (const layer of doc?.layers ?? []) {
    out.push(item(`layer:${layer.id}`, layer.name, 'toggle', 0, { type: 'layer-visible', layerId: layer.id }, layer.visible));
    for (const c of layerControls(layer.type)) {
      out.push(item(`layer:${layer.id}:${c.id}`, c.label[lang], 'toggle', 0, { type: 'layer-control', layerId: layer.id, controlId: c.id }, c.value(layer), true));
    }
  }
  const comparison = findComparison(sceneComparisons(doc), compare.activeId);
  if (comparison) {
    out.push(item('header:compare', comparison.name, 'header', 0, null));
    const after = compare.mode !== 'before';
    out.push(item('compare', `${comparison.after.name} / ${comparison.before.name}`, 'toggle', 0, { type: 'compare' }, after));
  }
  // the timeline's steps, as on the desktop: choosing one crossfades to it
  const timeline = sceneTimeline(doc);
  if (timeline) {
    out.push(item('header:time', t('timeline'), 'header', 0, null));
    timeline.steps.forEach((s, i) => {
      const label = s.label === s.time ? s.time : `${s.time} · ${s.label}`;
      out.push(item(`time:${i}`, label, 'toggle', 0, { type: 'time', step: i }, i === timeStep));
    });
  }
  if (doc?.viewpoints.length) {
    out.push(item('header:viewpoints', t('viewpoints'), 'header', 1, null));
    for (const vp of doc.viewpoints) out.push(item(`viewpoint:${vp.id}`, vp.name, 'button', 1, { type: 'viewpoint', viewpointId: vp.id }));
  }
  out.push(item('header:scale', t('scale'), 'header', 1, null));
  out.push(item('scale:street', t('street'), 'toggle', 1, { type: 'scale', scale: 'street' }, scale === 'street'));
  out.push(item('scale:table', t('table'), 'toggle', 1, { type: 'scale', scale: 'table' }, scale === 'table'));
  out.push(item('exit', t(mode === 'immersive-ar' ? 'exitAr' : 'exit'), 'button', 1, { type: 'exit' }));
  return out;
}
