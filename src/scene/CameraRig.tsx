/**
 * Connects the engine to the canvas: hands it the camera and renderer, attaches navigation,
 * and once per frame advances flights, adapts near/far planes and fog to the altitude, and
 * ticks the frame clock. Reads state with `getState()`; never sets React state per frame.
 */
import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Fog, type PerspectiveCamera } from 'three';
import { CameraController } from '../engine/navigation/camera-controller';
import { useRuntime } from './runtime-context';

const _geo: [number, number, number] = [0, 0, 0];

export interface CameraRigProps {
  /** Ground height above the ellipsoid, metres. */
  groundHeight: number;
  onHome(): void;
  fogColor: string;
}

export function CameraRig({ groundHeight, onHome, fogColor }: CameraRigProps) {
  const rt = useRuntime();
  const gl = useThree((s) => s.gl);
  // in XR the canvas camera becomes the headset's array camera; navigation, picking and
  // `twin.view()` keep the desktop camera, which resumes where it was when the session ends
  const stateCamera = useThree((s) => s.camera) as PerspectiveCamera;
  const desktopCamera = useRef(stateCamera);
  if (stateCamera !== gl.xr.getCamera()) desktopCamera.current = stateCamera;
  const camera = desktopCamera.current;
  const scene = useThree((s) => s.scene);
  const groundHeightRef = useRef(groundHeight);
  groundHeightRef.current = groundHeight;
  const homeRef = useRef(onHome);
  homeRef.current = onHome;

  useEffect(() => {
    rt.engine.camera = camera;
    rt.engine.gl = gl;
    rt.engine.scene = scene;
    const controller = new CameraController(rt.engine, camera, gl.domElement, {
      groundHeight: () => groundHeightRef.current,
      onHome: () => homeRef.current(),
    });
    rt.controller = controller;
    return () => {
      controller.dispose();
      rt.controller = null;
      rt.engine.camera = null;
      rt.engine.gl = null;
      rt.engine.scene = null;
    };
  }, [rt, camera, gl, scene]);

  useEffect(() => {
    scene.fog = new Fog(fogColor, 2000, 12000);
    return () => {
      scene.fog = null;
    };
  }, [scene, fogColor]);

  useFrame(() => {
    const now = performance.now();
    if (gl.xr.isPresenting) {
      // the XR scene owns near/far planes and fog while presenting
      rt.engine.clock.tick(now);
      return;
    }
    rt.controller?.update(now);
    const p = camera.position;
    const h = Math.max(1, rt.engine.frame.toGeodetic(p.x, p.y, p.z, _geo)[2] - groundHeightRef.current);
    const near = Math.min(50, Math.max(0.25, h * 0.02));
    const far = Math.max(8000, h * 60);
    if (camera.near !== near || camera.far !== far) {
      camera.near = near;
      camera.far = far;
      camera.updateProjectionMatrix();
    }
    const fog = scene.fog as Fog | null;
    if (fog) {
      fog.near = 1500 + h * 4;
      fog.far = 7000 + h * 25;
    }
    rt.engine.clock.tick(now);
  });

  return null;
}
