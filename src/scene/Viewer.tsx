/**
 * The 3D canvas: one three.js renderer for desktop, touch and XR. `children` are drawn inside
 * the canvas after the scene (the app passes the XR scene here; `src/scene` does not import `src/xr`).
 */
import type { ReactNode } from 'react';
import { Canvas } from '@react-three/fiber';
import { useStore } from 'zustand';
import { CameraRig } from './CameraRig';
import { SceneRenderer } from './SceneRenderer';
import { GroundPlane } from './GroundPlane';
import { Lighting } from './Lighting';
import { MeasureView } from './measure/MeasureView';
import { SunHoursView } from './sun/SunHoursView';
import { PickOnTap } from './PickOnTap';
import { RasterGround } from './RasterGround';
import { SceneLayers } from './SceneLayers';
import { SelectionMarker } from './SelectionMarker';
import { useRuntime } from './runtime-context';

export const SKY_COLOUR = '#cddbe6';

export interface ViewerProps {
  onHome(): void;
  children?: ReactNode;
}

export function Viewer({ onHome, children }: ViewerProps) {
  const rt = useRuntime();
  const groundHeight = useStore(rt.scene, (s) => s.doc?.origin.height ?? 0);
  return (
    <Canvas
      className="twin-canvas"
      camera={{ fov: 50, near: 0.5, far: 20000, position: [0, 300, 600] }}
      gl={{ antialias: true, stencil: true, powerPreference: 'high-performance', preserveDrawingBuffer: false }}
      dpr={[1, 2]}
      aria-label="3D view of the city"
    >
      <color attach="background" args={[SKY_COLOUR]} />
      <Lighting />
      <CameraRig groundHeight={groundHeight} onHome={onHome} fogColor={SKY_COLOUR} />
      <PickOnTap />
      <GroundPlane />
      <RasterGround />
      <SceneLayers />
      <SelectionMarker />
      <MeasureView />
      <SunHoursView />
      <SceneRenderer />
      {children}
    </Canvas>
  );
}
