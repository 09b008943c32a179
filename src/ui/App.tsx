/** The page: the 3D view with its DOM panels on top. */
import type { Runtime } from '../engine/runtime';
import { RuntimeContext } from '../scene/runtime-context';
import { Viewer } from '../scene/Viewer';
import { Attribution } from './Attribution';
import { CompareControl } from './CompareControl';
import { InfoPanel } from './InfoPanel';
import { LayerPanel } from './LayerPanel';
import { LoadingBar } from './LoadingBar';
import { SceneErrorBanner } from './SceneErrorBanner';
import { TopBar } from './TopBar';
import { ViewpointList } from './ViewpointList';
import { XrButton } from './XrButton';
import { XrScene } from '../xr/XrScene';
import type { XrRuntime } from '../xr/xr-runtime';

export function App({ runtime, onHome, xr }: { runtime: Runtime; onHome(): void; xr?: XrRuntime }) {
  return (
    <RuntimeContext.Provider value={runtime}>
      <main className="app">
        <Viewer onHome={onHome}>{xr ? <XrScene rt={runtime} xr={xr} /> : null}</Viewer>
        <CompareControl />
        <LoadingBar />
        <TopBar onHome={onHome} />
        <div className="side">
          <LayerPanel />
          <ViewpointList />
        </div>
        <InfoPanel />
        <SceneErrorBanner />
        <Attribution />
        {xr ? <XrButton xr={xr} /> : null}
      </main>
    </RuntimeContext.Provider>
  );
}
