/**
 * The engine-facing handle of a `raster` layer. A raster has no geometry of its own: it is
 * drawn into the ground's materials by its overlay, so picking passes through it to the ground.
 * Its root object stands for it in the scene graph: the comparison's swipe pass hides it on the
 * other half, and the overlay reads that, with the layer's opacity and the timeline's weight,
 * each time the ground is drawn.
 */
import { Group, Vector3, type Intersection, type Raycaster, type Sphere } from 'three';
import type { SceneFrame } from '../../geo';
import type { LayerStatus } from '../../state/layer-status-store';
import type { FeatureHit, LayerHandle, TileCounts } from '../layer-handle';
import type { RasterBuild } from './raster-build';
import type { RadianBox } from './radian-box';

const NO_FEATURES: FeatureHit[] = [];

export interface RasterHandle extends LayerHandle {
  /** The layer's own opacity, 0…1 (from its spec). */
  opacity: number;
  /** The timeline's weight of the layer now, 0…1 (crossfades between neighbouring times). */
  setTimeWeight(weight: number): void;
  /** The overlay's opacity while drawing: opacity × time weight, 0 where the layer is hidden. */
  drawnOpacity(): number;
  /** Starts (re)building; status `loading`. */
  begin(): void;
  /** The overlay is ready: its tiles now settle the status. */
  attach(build: RasterBuild, extraWarnings: string[]): void;
  /** The build failed: the layer is in error with `message`. */
  fail(message: string): void;
  detach(): void;
  /** Reports a changed status (call once a frame; reports only changes). */
  poll(report: (patch: Partial<LayerStatus>) => void): void;
  /** Whether the plugins that drape the overlay still have work queued. */
  drapesBusy: () => boolean;
}

export function createRasterHandle(id: string, frame: () => SceneFrame): RasterHandle {
  const object = new Group();
  object.name = `raster:${id}`;
  let build: RasterBuild | null = null;
  let building = false;
  let error: string | null = null;
  let extra: string[] = [];
  let timeWeight = 1;
  /** Bumped on every change of the handle's own state; with the log's revision it tells `poll` to report. */
  let revision = 0;
  let reportedRevision = -1;
  let reportedLogRevision = -1;

  const handle: RasterHandle = {
    id,
    type: 'raster',
    object,
    opacity: 1,
    drapesBusy: () => false,
    raycast(_raycaster: Raycaster, _out: Intersection[]) {},
    featuresAlong: () => NO_FEATURES,
    isBusy() {
      return building || (build !== null && (build.log.pending > 0 || handle.drapesBusy()));
    },
    tileCounts(): TileCounts {
      const log = build?.log;
      return { loaded: log?.loaded ?? 0, visible: 0, downloading: log?.pending ?? 0, failed: log?.failed ?? 0 };
    },
    boundingSphere(out: Sphere) {
      const bounds = build?.overlay.source.tiling.getContentBounds() as RadianBox | undefined;
      if (!bounds) return false;
      const f = frame();
      const points: Vector3[] = [];
      for (const lon of [bounds[0], bounds[2]]) {
        for (const lat of [bounds[1], bounds[3]]) {
          const [x, y, z] = f.toLocal((lon * 180) / Math.PI, (lat * 180) / Math.PI, f.origin.height);
          points.push(new Vector3(x, y, z));
        }
      }
      out.setFromPoints(points);
      return true;
    },
    setTimeWeight(weight: number) {
      timeWeight = weight;
    },
    drawnOpacity() {
      return object.visible ? handle.opacity * timeWeight : 0;
    },
    begin() {
      revision++;
      building = true;
      error = null;
      build = null;
    },
    attach(next: RasterBuild, extraWarnings: string[]) {
      revision++;
      building = false;
      build = next;
      extra = extraWarnings;
    },
    fail(message: string) {
      revision++;
      building = false;
      build = null;
      error = message;
    },
    detach() {
      revision++;
      build = null;
    },
    poll(report) {
      const logRevision = build?.log.revision ?? -1;
      if (revision === reportedRevision && logRevision === reportedLogRevision) return;
      reportedRevision = revision;
      reportedLogRevision = logRevision;
      let patch: Partial<LayerStatus>;
      if (error !== null) patch = { state: 'error', error, warnings: [], notes: [], progress: 1 };
      else if (building || !build) patch = { state: 'loading', error: undefined, warnings: [], notes: [] };
      else {
        const log = build.log;
        const warnings = [...build.warnings, ...extra, ...log.warnings()];
        const failed = log.error();
        const state = failed ? 'error' : log.pending > 0 ? 'loading' : 'ready';
        const total = log.pending + log.loaded + log.failed;
        patch = { state, error: failed ?? undefined, warnings, notes: build.notes, progress: total > 0 ? (log.loaded + log.failed) / total : 1 };
      }
      report(patch);
    },
  };
  return handle;
}
