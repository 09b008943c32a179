/**
 * Daylight for a northern town: a soft sky/ground hemisphere and a low sun from the
 * south-west (Härnösand's sun rarely climbs above 50°). Directions are in the scene frame
 * (x east, y up, z south).
 *
 * With the sun study's shadows on, the fixed key light gives way to the real sun of the
 * study's instant, casting shadows (`SunLightView`, loaded on first use).
 */
import { useRef } from 'react';
import { useStore } from 'zustand';
import type { HemisphereLight } from 'three';
import type * as SunLightModule from '../engine/sun/sun-light';
import { useRuntime } from './runtime-context';
import { SunLightView } from './sun/SunLightView';
import { useLazyModule } from './use-lazy-module';

const loadSunLight = () => import('../engine/sun/sun-light');

const SKY_INTENSITY = 1.6;

export function Lighting() {
  const rt = useRuntime();
  const shadows = useStore(rt.sun, (s) => s.shadows);
  const sunModule: typeof SunLightModule | null = useLazyModule(shadows, loadSunLight, 'The sun study’s shadows');
  const sky = useRef<HemisphereLight>(null);
  const sunOn = shadows && sunModule !== null;
  return (
    <>
      <hemisphereLight ref={sky} args={['#eef3f8', '#7d7a6a', SKY_INTENSITY]} />
      <directionalLight position={[-0.55, 0.62, 0.55]} intensity={2.1} color="#fff3e2" visible={!sunOn} />
      <directionalLight position={[0.6, 0.35, -0.7]} intensity={0.35} color="#dfe8ff" />
      {sunOn ? <SunLightView module={sunModule} sky={sky} skyIntensity={SKY_INTENSITY} /> : null}
    </>
  );
}
