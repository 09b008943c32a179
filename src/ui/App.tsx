/** The page: the 3D view with its DOM panels on top. */
import type { Runtime } from '../engine/runtime';
import { RuntimeContext } from '../scene/runtime-context';
import { Viewer } from '../scene/Viewer';
import { Attribution } from './Attribution';
import { CompareControl } from './CompareControl';
import { InfoPanel } from './InfoPanel';
import { LayerPanel } from './LayerPanel';
import { LoadingBar } from './LoadingBar';
import { MeasureTool } from './measure/MeasureTool';
import { SceneErrorBanner } from './SceneErrorBanner';
import { Timeline } from './timeline/Timeline';
import { SceneSourceNotice } from './SceneSourceNotice';
import { SunTool } from './sun/SunTool';
import { TopBar } from './TopBar';
import { ViewpointList } from './ViewpointList';
import { XrButton } from './XrButton';
import type { ComponentType } from 'react';
import type { XrRuntime } from '../xr/xr-runtime';

/** The XR part, loaded by the app only where an immersive session is supported. */
export interface AppXr {
  runtime: XrRuntime;
  Scene: ComponentType<{ rt: Runtime; xr: XrRuntime }>;
}

export function App({ runtime, onHome, xr }: { runtime: Runtime; onHome(): void; xr?: AppXr | null }) {
  return (
    <RuntimeContext.Provider value={runtime}>
      <main className="app">
        <Viewer onHome={onHome}>{xr ? <xr.Scene rt={runtime} xr={xr.runtime} /> : null}</Viewer>
        <CompareControl />
        <LoadingBar />
        <TopBar onHome={onHome} />
        <div className="side">
          <LayerPanel />
          <ViewpointList />
        </div>
        <InfoPanel />
        <Timeline />
        <SunTool />
        <MeasureTool />
        <SceneErrorBanner />
        <SceneSourceNotice />
        <Attribution />
        {xr ? <XrButton xr={xr.runtime} /> : null}
      </main>
    </RuntimeContext.Provider>
  );
}
