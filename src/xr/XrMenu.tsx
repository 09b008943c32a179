/**
 * The in-scene menu: one canvas panel floating in front of the user (a child of the XR origin,
 * so it keeps its real size in table-top mode), placed when the session starts and each time
 * it is opened. Rays from controllers or hands (pinch) press its items. Layer kinds add items
 * through `registerLayerControls` (src/state/layer-controls.ts).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ThreeEvent } from '@react-three/fiber';
import { useStore } from 'zustand';
import type { Group } from 'three';
import type { Runtime } from '../engine/runtime';
import { uiStore } from '../state/ui-store';
import { sceneControlGroups } from '../state/scene-controls';
import '../state/sun-controls';
import '../state/measure-controls';
import { buildMenu } from './menu/menu-model';
import { cellAt, layoutMenu } from './menu/menu-layout';
import { runMenuAction } from './menu/run-action';
import { CanvasPanel } from './panels/canvas-panel';
import { drawMenu } from './panels/draw-menu';
import type { XrNavigator } from './xr-navigator';
import type { XrRuntime } from './xr-runtime';

/** Distance of the panel in front of the head, and how far below eye height, metres. */
export const MENU_DISTANCE = 0.75;
export const MENU_DROP = 0.3;
/** Turn of the panel to the left of the view in table-top mode, radians (the model is ahead). */
const TABLE_SIDE = 0.75;
/** Backward tilt of the panel, radians. */
const MENU_TILT = 0.25;

export function XrMenu({ rt, xr, nav }: { rt: Runtime; xr: XrRuntime; nav: XrNavigator }) {
  const doc = useStore(rt.scene, (s) => s.doc);
  const activeId = useStore(rt.compare, (s) => s.activeId);
  const compareMode = useStore(rt.compare, (s) => s.mode);
  const timeStep = useStore(rt.timeline, (s) => s.step);
  const lang = useStore(uiStore, (s) => s.lang);
  const scale = useStore(xr.view, (s) => s.scale);
  const mode = useStore(xr.view, (s) => s.mode);
  // the tools' controls read these stores: redraw when they change
  const sun = useStore(rt.sun);
  const measure = useStore(rt.measure);
  const open = useStore(xr.view, (s) => s.menuOpen && s.presenting);
  const [hovered, setHovered] = useState<string | null>(null);
  const anchor = useRef<Group>(null);
  const panel = useMemo(() => new CanvasPanel('xr-menu'), []);
  useEffect(() => () => panel.dispose(), [panel]);

  const layout = useMemo(
    () => layoutMenu(buildMenu({ doc, compare: { activeId, mode: compareMode }, timeStep, scale, mode, lang, tools: { groups: sceneControlGroups(), ctx: rt } })),
    [doc, activeId, compareMode, timeStep, scale, mode, lang, rt, sun, measure],
  );
  useEffect(() => {
    drawMenu(panel, layout, hovered);
    xr.menu.items = layout.cells.map((c) => c.item);
    xr.menu.layout = layout;
    xr.menu.panel = panel.mesh;
  }, [panel, layout, hovered, xr]);
  useEffect(
    () => () => {
      xr.menu.panel = null;
      xr.menu.layout = null;
    },
    [xr],
  );

  // place the panel in front of the head whenever it opens (in table-top, to the left of the model)
  useEffect(() => {
    const g = anchor.current;
    if (!open || !g) return;
    const yaw = nav.headYaw + (scale === 'table' ? TABLE_SIDE : 0);
    g.position.set(nav.head.x - Math.sin(yaw) * MENU_DISTANCE, nav.head.y - MENU_DROP, nav.head.z - Math.cos(yaw) * MENU_DISTANCE);
    g.rotation.set(0, yaw, 0, 'YXZ');
    panel.mesh.rotation.set(-MENU_TILT, 0, 0);
    g.updateMatrixWorld(true);
  }, [open, scale, nav, panel]);

  // an item acts when the same pointer presses and releases on it (however slow the frames;
  // a click event would need both within 300 ms)
  const pressed = useRef(new Map<number, string>());
  const cellFor = (e: ThreeEvent<PointerEvent>) => (e.uv ? cellAt(layout, e.uv.x, e.uv.y) : null);
  return (
    <group ref={anchor} visible={open}>
      <primitive
        object={panel.mesh}
        onPointerMove={(e: ThreeEvent<PointerEvent>) => setHovered(cellFor(e)?.item.id ?? null)}
        onPointerLeave={(e: ThreeEvent<PointerEvent>) => {
          pressed.current.delete(e.pointerId);
          setHovered(null);
        }}
        onPointerDown={(e: ThreeEvent<PointerEvent>) => {
          e.stopPropagation();
          const cell = open ? cellFor(e) : null;
          if (cell?.item.action) pressed.current.set(e.pointerId, cell.item.id);
        }}
        onPointerUp={(e: ThreeEvent<PointerEvent>) => {
          e.stopPropagation();
          const id = pressed.current.get(e.pointerId);
          pressed.current.delete(e.pointerId);
          const cell = open ? cellFor(e) : null;
          if (cell?.item.action && cell.item.id === id) runMenuAction(cell.item.action, rt, xr, nav);
        }}
      />
    </group>
  );
}
