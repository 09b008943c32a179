/**
 * The app's single runtime: the vanilla stores and the engine, created once and shared by
 * the canvas, the DOM UI and `window.twin`. Tests and embedders can create their own.
 */
import { Engine } from './engine';
import type { CameraController } from './navigation/camera-controller';
import { ComparisonReader } from './compare/comparison-reader';
import { clearSelectionHiddenByComparison } from './compare/hidden-selection';
import { createCompareStore } from '../state/compare-store';
import { createLayerStatusStore } from '../state/layer-status-store';
import { createSceneStore } from '../state/scene-store';
import { createSelectionStore } from '../state/selection-store';
import { createTimelineStore } from '../state/timeline-store';
import { linkTimelineAndComparisons } from '../state/time-comparisons';
import { TimelineReader } from './timeline/timeline-reader';
import { createSunStore, sunPlaceOf, type SunPlace } from '../state/sun-store';
import { createMeasureStore } from '../state/measure-store';
import { createSunHoursStore } from '../state/sun-hours-store';

export interface Runtime {
  engine: Engine;
  scene: ReturnType<typeof createSceneStore>;
  status: ReturnType<typeof createLayerStatusStore>;
  selection: ReturnType<typeof createSelectionStore>;
  /** The active before / after comparison and how it is shown (toggle or swipe). */
  compare: ReturnType<typeof createCompareStore>;
  /** Where the timeline stands (the step, or a drag). */
  timeline: ReturnType<typeof createTimelineStore>;
  /** The sun study: the instant, shadows on or off, playing the day. */
  sun: ReturnType<typeof createSunStore>;
  /** Where the sun is watched from: the scene origin in the scene's time zone. */
  sunPlace(): SunPlace;
  /** The sun-hours map: its area, result and progress. */
  sunHours: ReturnType<typeof createSunHoursStore>;
  /** Measuring: the mode and the points picked so far. */
  measure: ReturnType<typeof createMeasureStore>;
  /** Set by the canvas once navigation is attached. */
  controller: CameraController | null;
}

export function createRuntime(): Runtime {
  const rt: Runtime = {
    engine: new Engine(),
    scene: createSceneStore(),
    status: createLayerStatusStore(),
    selection: createSelectionStore(),
    compare: createCompareStore(),
    timeline: createTimelineStore(),
    sun: createSunStore(() => rt.sunPlace()),
    sunPlace: () => sunPlaceOf(rt.scene.getState().doc),
    measure: createMeasureStore(),
    sunHours: createSunHoursStore(),
    controller: null,
  };
  rt.engine.compare = new ComparisonReader(rt.scene, rt.compare);
  rt.engine.timeline = new TimelineReader(rt.scene, rt.compare, rt.timeline);
  // these live as long as the runtime's stores
  clearSelectionHiddenByComparison(rt.scene, rt.compare, rt.selection);
  linkTimelineAndComparisons(rt.scene, rt.compare, rt.timeline);
  return rt;
}
