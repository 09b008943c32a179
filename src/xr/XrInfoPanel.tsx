/**
 * The picked feature in the headset: the desktop info panel's fields as a canvas panel,
 * floating beside the menu position (in front of the user, to the right). Pressing its
 * top-right corner closes it (clears the selection).
 */
import { useEffect, useMemo, useRef } from 'react';
import type { ThreeEvent } from '@react-three/fiber';
import { useStore } from 'zustand';
import type { Group } from 'three';
import type { Runtime } from '../engine/runtime';
import { uiStore } from '../state/ui-store';
import { xrText } from './menu/xr-messages';
import { CanvasPanel } from './panels/canvas-panel';
import { drawInfo, INFO_CLOSE, INFO_WIDTH, infoHeight } from './panels/draw-info';
import { infoLines } from './panels/info-lines';
import { MENU_DISTANCE, MENU_DROP } from './XrMenu';
import type { XrNavigator } from './xr-navigator';
import type { XrRuntime } from './xr-runtime';

export function XrInfoPanel({ rt, xr, nav }: { rt: Runtime; xr: XrRuntime; nav: XrNavigator }) {
  const picked = useStore(rt.selection, (s) => s.picked);
  const presenting = useStore(xr.view, (s) => s.presenting);
  const lang = useStore(uiStore, (s) => s.lang);
  const anchor = useRef<Group>(null);
  const panel = useMemo(() => new CanvasPanel('xr-info'), []);
  useEffect(() => () => panel.dispose(), [panel]);
  const lines = useMemo(() => (picked ? infoLines(picked, xrText(lang, 'noData'), lang) : null), [picked, lang]);

  useEffect(() => {
    const g = anchor.current;
    if (!lines || !g) return;
    drawInfo(panel, lines);
    // to the right of where the menu opens, turned a little towards the user
    const yaw = nav.headYaw - 0.45;
    const d = MENU_DISTANCE;
    g.position.set(nav.head.x - Math.sin(yaw) * d, nav.head.y - MENU_DROP + 0.12, nav.head.z - Math.cos(yaw) * d);
    g.rotation.set(0, yaw, 0, 'YXZ');
    g.updateMatrixWorld(true);
  }, [lines, panel, nav]);

  return (
    <group ref={anchor} visible={presenting && lines !== null}>
      <primitive
        object={panel.mesh}
        onClick={(e: ThreeEvent<MouseEvent>) => {
          e.stopPropagation();
          if (!lines || !e.uv) return;
          const x = e.uv.x * INFO_WIDTH;
          const y = (1 - e.uv.y) * infoHeight(lines);
          if (x > INFO_WIDTH - INFO_CLOSE && y < INFO_CLOSE) rt.selection.getState().select(null);
        }}
      />
    </group>
  );
}
