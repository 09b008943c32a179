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

export function App({ runtime, onHome }: { runtime: Runtime; onHome(): void }) {
  return (
    <RuntimeContext.Provider value={runtime}>
      <main className="app">
        <Viewer onHome={onHome} />
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
      </main>
    </RuntimeContext.Provider>
  );
}
