/**
 * The sun study's light in the canvas, while shadows are on: three.js's `SunLight` with
 * cascaded shadow maps (src/engine/sun/sun-light.ts, loaded lazily), aimed each frame at the
 * sun of the study's instant over the scene origin; the sky light dims after sunset. On
 * unmount everything it changed is restored, so with shadows off the renderer, the lights and
 * the layers are exactly as they were (no shadow map, no extra light, no shader variant).
 */
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Vector3, type HemisphereLight } from 'three';
import { sunDirection, sunPosition } from '../../geo';
import type * as SunLightModule from '../../engine/sun/sun-light';
import { useRuntime } from '../runtime-context';

const _toSun = new Vector3();
const _camera = new Vector3();
const _dir: [number, number, number] = [0, 0, 0];

/** Shadow map size per cascade (texels): sharp enough at street level to tell which windows are in shade. */
const MAP_SIZE = 2048;

export function SunLightView({ module, sky, skyIntensity }: { module: typeof SunLightModule; sky: RefObject<HemisphereLight | null>; skyIntensity: number }) {
  const rt = useRuntime();
  const scene = useThree((s) => s.scene);
  const gl = useThree((s) => s.gl);
  const sun = useMemo(() => new module.SunStudyLight({ mapSize: MAP_SIZE }), [module]);
  const last = useRef({ time: NaN, lon: NaN, lat: NaN, altitude: 0 });

  useEffect(() => {
    sun.attach(scene);
    const shadowMap = gl.shadowMap.enabled;
    gl.shadowMap.enabled = true;
    rt.engine.setSunShadows(true);
    const hemi = sky.current;
    return () => {
      rt.engine.setSunShadows(false);
      gl.shadowMap.enabled = shadowMap;
      sun.dispose();
      if (hemi) hemi.intensity = skyIntensity;
    };
  }, [sun, scene, gl, rt, sky, skyIntensity]);

  useFrame((state) => {
    const { time } = rt.sun.getState();
    const { origin } = rt.engine.frame;
    const l = last.current;
    if (time !== l.time || origin.lon !== l.lon || origin.lat !== l.lat) {
      const p = sunPosition(time, origin.lon, origin.lat);
      sunDirection(p.altitude, p.azimuth, _dir);
      _toSun.set(_dir[0], _dir[1], _dir[2]);
      l.time = time;
      l.lon = origin.lon;
      l.lat = origin.lat;
      l.altitude = p.altitude;
      const hemi = sky.current;
      // the sky's light: lower than the default look's by day, so shade reads clearly against sun;
      // it fades through civil twilight, never to black
      if (hemi) hemi.intensity = skyIntensity * (0.25 + 0.35 * Math.min(1, Math.max(0, (p.altitude + 6) / 16)));
    }
    state.camera.getWorldPosition(_camera);
    sun.update(_toSun, l.altitude, _camera.y);
  });
  return null;
}
