/**
 * What the in-scene menu lists, as plain data: layer visibility (with each layer kind's
 * registered controls under it), the proposal-against-today toggle of the active comparison,
 * the viewpoints, the scale mode and exit, and in a third column the tools' registered
 * controls (`registerSceneControls`: the sun study, measuring). Pure; the menu component
 * draws it and runs actions.
 */
import type { SceneDocument } from '../../spec';
import { findComparison, sceneComparisons, type CompareMode } from '../../state/compare-store';
import { layerControls } from '../../state/layer-controls';
import type { SceneControlContext, SceneControlGroup } from '../../state/scene-controls';
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
  | { type: 'exit' }
  /** A tool's control: a toggle flips, a choice takes `option`, a range steps by `delta` steps, an action runs. */
  | { type: 'scene-control'; groupId: string; controlId: string; option?: string; delta?: -1 | 1 };

export interface MenuItem {
  /** Stable id, e.g. `layer:buildings`, `viewpoint:library`, `exit`. */
  id: string;
  label: string;
  /** `value`: text shown in a row without an action (a range's current value). */
  kind: 'header' | 'toggle' | 'button' | 'value';
  /** For toggles (and the current scale): whether it is on. */
  checked: boolean;
  /** Indented under the item above (a layer's own controls). */
  indent: boolean;
  /** Which column of the panel (0 left, 1 right, 2 the tools). */
  column: 0 | 1 | 2;
  action: MenuAction | null;
  /** Part of the row it takes, as fractions of the column's width (default the whole row). */
  span?: readonly [number, number];
  /** Shares the row of the item before it. */
  sameRow?: boolean;
}

export interface MenuInput {
  doc: SceneDocument | null;
  compare: { activeId: string | null; mode: CompareMode };
  /** The timeline step the scene is at (see `src/state/timeline.ts`). */
  timeStep: number;
  scale: XrScale;
  mode: 'immersive-vr' | 'immersive-ar' | null;
  lang: Lang;
  /** The tools' controls and what they read (the runtime); none when left out. */
  tools?: { groups: readonly SceneControlGroup[]; ctx: SceneControlContext };
}

function item(id: string, label: string, kind: MenuItem['kind'], column: 0 | 1 | 2, action: MenuAction | null, checked = false, indent = false): MenuItem {
  return { id, label, kind, checked, indent, column, action };
}

/** A tool group's rows: toggles, one row per choice option, a range as [−] value [+], actions two to a row. */
function toolItems(group: SceneControlGroup, ctx: SceneControlContext, lang: Lang): MenuItem[] {
  const out: MenuItem[] = [item(`header:${group.id}`, group.label[lang], 'header', 2, null)];
  let pendingAction: MenuItem | null = null;
  const act = (controlId: string, extra: { option?: string; delta?: -1 | 1 } = {}): MenuAction => ({ type: 'scene-control', groupId: group.id, controlId, ...extra });
  for (const c of group.controls) {
    const id = `${group.id}:${c.id}`;
    if (c.kind !== 'action') pendingAction = null;
    switch (c.kind) {
      case 'toggle':
        out.push(item(id, c.label[lang], 'toggle', 2, act(c.id), c.value(ctx)));
        break;
      case 'choice': {
        const value = c.value(ctx);
        for (const o of c.options) out.push(item(`${id}:${o.id}`, o.label[lang], 'toggle', 2, act(c.id, { option: o.id }), value === o.id));
        break;
      }
      case 'range': {
        const value = c.format(ctx, c.value(ctx), lang);
        out.push({ ...item(`${id}:dec`, c.stepLabels[0][lang], 'button', 2, act(c.id, { delta: -1 })), span: [0, 0.3] });
        out.push({ ...item(`${id}:value`, `${c.label[lang]} ${value}`, 'value', 2, null), span: [0.3, 0.7], sameRow: true });
        out.push({ ...item(`${id}:inc`, c.stepLabels[1][lang], 'button', 2, act(c.id, { delta: 1 })), span: [0.7, 1], sameRow: true });
        break;
      }
      case 'action': {
        const enabled = c.enabled?.(ctx) ?? true;
        const button = item(id, c.label[lang], 'button', 2, enabled ? act(c.id) : null);
        // two actions share a row
        if (pendingAction) {
          pendingAction.span = [0, 0.5];
          out.push({ ...button, span: [0.5, 1], sameRow: true });
          pendingAction = null;
        } else {
          out.push(button);
          pendingAction = button;
        }
        break;
      }
    }
  }
  return out;
}

export function buildMenu({ doc, compare, timeStep, scale, mode, lang, tools }: MenuInput): MenuItem[] {
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
  for (const group of tools?.groups ?? []) out.push(...toolItems(group, tools!.ctx, lang));
  return out;
}
