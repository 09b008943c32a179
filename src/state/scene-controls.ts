/**
 * Controls of the viewer's tools that belong to no layer (the sun study's date and time,
 * measuring), as data: each tool registers a group once, and the desktop panels and the
 * in-scene XR menu draw the same controls from it, as `layer-controls.ts` does for layer kinds.
 *
 * A control reads and changes the stores it is given (`SceneControlContext`); the runtime is
 * one. Labels are in Swedish and English.
 */
import type { Lang } from './ui-store';
import type { SunPlace, SunStore } from './sun-store';
import type { MeasureStore } from './measure-store';

/** What controls may read and change: the runtime's stores. */
export interface SceneControlContext {
  sun: SunStore;
  sunPlace(): SunPlace;
  measure: MeasureStore;
}

type Label = Record<Lang, string>;

interface ControlBase {
  /** Stable id within its group, e.g. `shadows`. */
  id: string;
  label: Label;
}

export interface SceneToggleControl extends ControlBase {
  kind: 'toggle';
  value(ctx: SceneControlContext): boolean;
  set(ctx: SceneControlContext, on: boolean): void;
}

/** One of a few options (or none of them: `value` may be `null`). */
export interface SceneChoiceControl extends ControlBase {
  kind: 'choice';
  options: readonly { id: string; label: Label }[];
  value(ctx: SceneControlContext): string | null;
  set(ctx: SceneControlContext, id: string): void;
}

/** A number in a range: a slider on the desktop, − / + buttons of `step` in the headset. */
export interface SceneRangeControl extends ControlBase {
  kind: 'range';
  min(ctx: SceneControlContext): number;
  max(ctx: SceneControlContext): number;
  /** Step of the − / + buttons and the slider's keyboard step. */
  step: number;
  /** Finer step for dragging a slider (default `step`). */
  fineStep?: number;
  value(ctx: SceneControlContext): number;
  set(ctx: SceneControlContext, value: number): void;
  /** The value as shown, e.g. `14:30`. */
  format(ctx: SceneControlContext, value: number, lang: Lang): string;
  /** Labels of the − and + buttons, e.g. `−1 h`. */
  stepLabels: readonly [Label, Label];
}

/** A button. */
export interface SceneActionControl extends ControlBase {
  kind: 'action';
  run(ctx: SceneControlContext): void;
  /** Whether pressing it would do anything now (default true). */
  enabled?(ctx: SceneControlContext): boolean;
}

export type SceneControl = SceneToggleControl | SceneChoiceControl | SceneRangeControl | SceneActionControl;

export interface SceneControlGroup {
  /** Stable id, e.g. `sun`. */
  id: string;
  label: Label;
  controls: readonly SceneControl[];
}

const groups: SceneControlGroup[] = [];

/** Registers a tool's controls; registering the same id again replaces them. */
export function registerSceneControls(group: SceneControlGroup): void {
  const i = groups.findIndex((g) => g.id === group.id);
  if (i >= 0) groups[i] = group;
  else groups.push(group);
}

export function sceneControlGroups(): readonly SceneControlGroup[] {
  return groups;
}

export function findSceneControl(groupId: string, controlId: string): SceneControl | null {
  return groups.find((g) => g.id === groupId)?.controls.find((c) => c.id === controlId) ?? null;
}
