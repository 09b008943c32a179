/**
 * Everything XR inside the canvas: the @react-three/xr root, the XR origin that locomotion
 * moves, the menu and info panels, the teleport arc and a virtual table. On entering a
 * session it saves the desktop view, switches to the XR quality profile (larger error target,
 * tighter tile budget; foveation is set by the store) and places the user where the desktop
 * camera looked; on leaving it restores all of it. Per frame it counts XR frames, feeds the
 * adaptive quality loop and moves the origin (`XrNavigator`), reading stores with `getState()`.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { XR, XROrigin } from '@react-three/xr';
import { useStore } from 'zustand';
import { Color, CylinderGeometry, Fog, MeshLambertMaterial, Raycaster, Vector3, type Group, type PerspectiveCamera } from 'three';
import { applyGeoView, readGeoView, type GeoView } from '../engine/camera-pose';
import { pickedFeature } from '../engine/picked-feature';
import { groundPlaneY, measurePointAlong } from '../engine/measure/measure-pick';
import type { Runtime } from '../engine/runtime';
import { DESKTOP_BUDGET, XR_BUDGET } from '../engine/tiles/tile-budget';
import { TeleportArc } from './TeleportArc';
import { XrInfoPanel } from './XrInfoPanel';
import { XrMenu } from './XrMenu';
import { castLayers, rayFromSpace } from './xr-raycast';
import { TABLE_WIDTH, XrNavigator } from './xr-navigator';
import { XrFrameTiming } from './xr-frame-timing';
import type { XrRuntime } from './xr-runtime';

/** The XR profile's error-target multiplier before the adaptive loop (a headset's pixels are wider). */
export const XR_ERROR_SCALE = 1.5;
/** Near and far planes in XR, room metres. */
const NEAR = 0.05;
const FAR_STREET = 15_000;
const FAR_TABLE = 200;

const _feet = new Vector3();
const _point = new Vector3();
const _normal = new Vector3();
const _raycaster = new Raycaster();

export function XrScene({ rt, xr }: { rt: Runtime; xr: XrRuntime }) {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const origin = useRef<Group>(null);
  const nav = useMemo(() => new XrNavigator({ engine: rt.engine, xr, doc: () => rt.scene.getState().doc }), [rt, xr]);
  useEffect(() => () => nav.dispose(), [nav]);
  useEffect(() => {
    nav.attach(origin.current);
    return () => nav.attach(null);
  }, [nav]);
  const scale = useStore(xr.view, (s) => s.scale);
  const presenting = useStore(xr.view, (s) => s.presenting);
  const mode = useStore(xr.view, (s) => s.mode);

  // session start and end
  useEffect(() => {
    if (!presenting) return;
    const engine = rt.engine;
    const camera = engine.camera as PerspectiveCamera | null;
    const saved: GeoView | null = camera ? { ...readGeoView(camera, engine.frame) } : null;
    const controller = rt.controller;
    if (controller) {
      controller.cancelFlight();
      controller.enabled = false;
    }
    engine.tileQuality.budget = XR_BUDGET;
    xr.quality.reset();
    const rate = xr.store.getState().frameRate;
    xr.quality.setBudget(rate ? 1000 / rate : 1000 / 72);
    engine.tileQuality.errorScale = XR_ERROR_SCALE;
    const background = scene.background;
    if (mode === 'immersive-ar') scene.background = null;
    // start where the desktop camera looks (its centre ray on the ground or a layer), facing its heading
    const groundY = nav.groundY();
    const ray = engine.raycasterAt(0, 0);
    let found = false;
    if (ray && camera) {
      const kind = castLayers(engine, ray, groundY, _feet, _normal);
      found = kind !== null && _feet.distanceTo(camera.position) < 5000;
    }
    if (!found && camera) _feet.set(camera.position.x, groundY, camera.position.z);
    if (_feet.y - groundY > 3 || _feet.y < groundY) _feet.y = groundY;
    nav.enterAt(_feet, saved ? -saved.heading * (Math.PI / 180) : 0);
    return () => {
      engine.tileQuality.errorScale = 1;
      engine.tileQuality.budget = DESKTOP_BUDGET;
      scene.background = background;
      const o = origin.current;
      if (o) {
        o.position.set(0, 0, 0);
        o.quaternion.identity();
        o.scale.setScalar(1);
        o.updateMatrixWorld(true);
      }
      const cam = engine.camera as PerspectiveCamera | null;
      if (cam && saved) applyGeoView(cam, engine.frame, saved);
      if (rt.controller) rt.controller.enabled = true;
    };
  }, [presenting, mode, rt, xr, nav, scene]);

  // what depends on the scale: the far plane, fog, the horizon ground plane (not on a table)
  useEffect(() => {
    if (!presenting) return;
    const table = scale === 'table';
    const xrCamera = gl.xr.getCamera();
    xrCamera.near = NEAR;
    xrCamera.far = table ? FAR_TABLE : FAR_STREET;
    const fog = scene.fog as Fog | null;
    const before = fog ? { near: fog.near, far: fog.far } : null;
    if (fog) {
      fog.near = table ? 1e9 : 1500;
      fog.far = table ? 2e9 : 9000;
    }
    const groundPlane = scene.getObjectByName('ground-plane');
    const groundVisible = groundPlane?.visible ?? true;
    if (groundPlane) groundPlane.visible = !table;
    return () => {
      if (fog && before) {
        fog.near = before.near;
        fog.far = before.far;
      }
      if (groundPlane) groundPlane.visible = groundVisible;
    };
  }, [presenting, scale, gl, scene]);

  // picking with a controller's trigger or a hand's pinch; hands grab the model in table-top
  useEffect(() => {
    const session = xr.store.getState().session;
    if (!presenting || !session) return;
    const onSelectStart = (e: XRInputSourceEvent) => {
      if (e.inputSource.hand && xr.view.getState().scale === 'table') {
        nav.handGrab(e.inputSource, true);
        return;
      }
      pickWith(e.frame, e.inputSource);
    };
    const onSelectEnd = (e: XRInputSourceEvent) => {
      if (e.inputSource.hand) nav.handGrab(e.inputSource, false);
    };
    const pickWith = (frame: XRFrame, source: XRInputSource) => {
      const refSpace = xr.store.getState().originReferenceSpace;
      const o = origin.current;
      if (!refSpace || !o || !rayFromSpace(frame, source.targetRaySpace, refSpace, o, _raycaster)) return;
      // the menu and info panel take their own presses
      for (const name of ['xr-menu', 'xr-info']) {
        const panel = scene.getObjectByName(name);
        if (panel && isShown(panel) && _raycaster.intersectObject(panel, false).length > 0) return;
      }
      // measuring: the ray picks a measure point instead of a feature
      const measure = rt.measure.getState();
      if (measure.mode) {
        const point = measurePointAlong(rt.engine, _raycaster, groundPlaneY(rt.scene.getState().doc));
        if (point) measure.addPoint(point);
        return;
      }
      const group = rt.engine.pickGroupAlong(_raycaster);
      const hit = group[0];
      if (!hit) return;
      _point.set(hit.point.x, hit.point.y, hit.point.z);
      nav.notePointed(_point);
      rt.selection.getState().select(pickedFeature(rt.engine, rt.scene.getState().doc, group));
    };
    session.addEventListener('selectstart', onSelectStart);
    session.addEventListener('selectend', onSelectEnd);
    return () => {
      session.removeEventListener('selectstart', onSelectStart);
      session.removeEventListener('selectend', onSelectEnd);
    };
  }, [presenting, xr, nav, rt, scene]);

  const timing = useMemo(() => new XrFrameTiming({ counters: xr.counters, quality: xr.quality, tileQuality: rt.engine.tileQuality, baseErrorScale: XR_ERROR_SCALE }), [xr, rt]);
  useFrame((_state, _delta, frame?: XRFrame) => {
    if (!frame || !gl.xr.isPresenting) {
      timing.pause();
      return;
    }
    const dtMs = timing.frame(performance.now());
    nav.update(frame, Math.min(dtMs, 100) / 1000);
  });

  return (
    <XR store={xr.store}>
      <XROrigin ref={origin}>
        <XrMenu rt={rt} xr={xr} nav={nav} />
        <XrInfoPanel rt={rt} xr={xr} nav={nav} />
        <VirtualTable nav={nav} visible={presenting && scale === 'table' && mode !== 'immersive-ar'} />
      </XROrigin>
      <TeleportArc nav={nav} />
    </XR>
  );
}

function isShown(o: { visible: boolean; parent: unknown }): boolean {
  let p: { visible: boolean; parent: unknown } | null = o;
  while (p) {
    if (!p.visible) return false;
    p = p.parent as typeof p | null;
  }
  return true;
}

/** A round table under the model in table-top VR (in AR the real table is used). */
function VirtualTable({ nav, visible }: { nav: XrNavigator; visible: boolean }) {
  const parts = useMemo(() => {
    const geometry = new CylinderGeometry(TABLE_WIDTH * 0.62, TABLE_WIDTH * 0.62, 0.04, 64).translate(0, -0.03, 0);
    const material = new MeshLambertMaterial({ color: new Color('#8a7a66') });
    return { geometry, material };
  }, []);
  useEffect(
    () => () => {
      parts.geometry.dispose();
      parts.material.dispose();
    },
    [parts],
  );
  const mesh = useRef<Group>(null);
  useFrame(() => {
    const g = mesh.current;
    if (!g || !visible) return;
    const t = nav.tablePose();
    g.position.set(t.position.x, t.position.y, t.position.z);
  });
  return (
    <group ref={mesh} visible={visible}>
      <mesh name="xr-table" geometry={parts.geometry} material={parts.material} />
    </group>
  );
}
