/**
 * The engine-facing handle of a `tiles3d` layer over a 3d-tiles-renderer `TilesRenderer`:
 * picking, pending-work tracking and the layer's status (loading → ready | error).
 *
 * The state settles only after the tiles in view have been tried, not when tileset.json
 * parses: a tileset can parse and still fail every tile. Any failed tile puts the layer in
 * `error` with a message naming the first failure; what did load stays drawn.
 */
import type { Intersection, Object3D, Raycaster, Sphere } from 'three';
import type { TilesRenderer } from '3d-tiles-renderer/three';
import type { LayerStatus } from '../../state/layer-status-store';
import type { FeatureHit, LayerHandle, TileCounts } from '../layer-handle';
import { countFeatures, featurePropertiesAt } from './feature-properties';
import { describeLoadError, shortUrl } from './describe-error';
import { isLoading, ROOT_FAILED, ROOT_LOADED, rootLoadingState, tilesStats } from './tile-stats';
import { setShadowFlags } from './shadow-flags';

export interface Tiles3dHandle extends LayerHandle {
  /** Adds a non-fatal problem to the layer's warnings. */
  warn(message: string): void;
  /** Records a failure of tile content (e.g. a texture that could not be decoded): the layer settles in `error`. */
  fail(message: string): void;
  dispose(): void;
}

interface LoadErrorEvent {
  tile: unknown;
  error: unknown;
  url: string;
}
interface TileWithScene {
  engineData: { scene: Object3D | null };
}

const _hits: Intersection[] = [];

export function createTiles3dHandle(
  id: string,
  tiles: TilesRenderer,
  report: (patch: Partial<LayerStatus>) => void,
  options: { pickable: () => boolean },
): Tiles3dHandle {
  const failures: string[] = [];
  const notes: string[] = [];
  let rootError: string | null = null;
  let lastState: LayerStatus['state'] | null = null;
  let lastProgress = -1;
  let lastFeatures = -1;
  let lastFailures = 0;

  const onLoadError = (e: LoadErrorEvent) => {
    const reason = describeLoadError(e.error);
    if (e.tile == null) {
      rootError = `Could not load the tileset ${shortUrl(e.url)}: ${reason}`;
      settle();
    } else failures.push(`${shortUrl(e.url)}: ${reason}`);
  };
  /** Features in the tiles drawn now (each tile's count is computed once and cached on its scene). */
  let counted = 0;
  const countTile = (tile: TileWithScene) => {
    const scene = tile.engineData.scene;
    if (scene) counted += (scene.userData.featureCount as number | undefined) ?? (scene.userData.featureCount = countFeatures(scene));
  };
  function visibleFeatureCount(): number {
    counted = 0;
    // forEach with a bound callback: no iterator allocated on this per-frame path
    (tiles.visibleTiles as unknown as Set<TileWithScene>).forEach(countTile);
    return counted;
  }
  const onUpdateAfter = () => settle();
  let shadows = false;
  const onModel = (e: { scene: Object3D }) => {
    if (shadows) setShadowFlags(e.scene, true);
  };

  function pendingCount(): number {
    const s = tilesStats(tiles);
    return s.queued + s.downloading + s.parsing;
  }

  function settle(): void {
    if (rootError !== null) {
      if (lastState !== 'error') {
        lastState = 'error';
        report({ state: 'error', error: rootError, progress: 1 });
      }
      return;
    }
    if (rootLoadingState(tiles) !== ROOT_LOADED) return;
    const pending = pendingCount();
    const total = tilesStats(tiles).inCacheSinceLoad;
    const progress = pending === 0 ? 1 : Math.max(0, Math.min(0.99, 1 - pending / Math.max(total, pending)));
    if (Math.abs(progress - lastProgress) >= 0.01 || (progress === 1 && lastProgress !== 1)) {
      lastProgress = progress;
      report({ progress });
    }
    if (pending > 0 || isLoading(tiles)) return;
    const features = visibleFeatureCount();
    if (failures.length > 0) {
      if (lastState !== 'error' || failures.length !== lastFailures) {
        lastState = 'error';
        lastFailures = failures.length;
        const n = failures.length;
        report({
          state: 'error',
          error: `${n} tile${n === 1 ? '' : 's'} failed to load; first: ${failures[0]}`,
          warnings: [...notes, ...failures.slice(0, 20)],
          featureCount: features,
        });
      }
    } else if (lastState !== 'ready' || features !== lastFeatures) {
      lastState = 'ready';
      lastFeatures = features;
      report({ state: 'ready', error: undefined, featureCount: features });
    }
  }

  // textures and buffers referenced by tile content fail through the loading manager, not as tile errors
  const manager = tiles.manager;
  const previousOnError = manager.onError;
  manager.onError = (url: string) => {
    failures.push(`${shortUrl(url)}: a resource of the tile content (texture or buffer) could not be loaded`);
    previousOnError?.(url);
  };
  tiles.addEventListener('load-error', onLoadError as never);
  tiles.addEventListener('update-after', onUpdateAfter as never);
  tiles.addEventListener('load-model', onModel as never);
  report({ state: 'loading', warnings: [], error: undefined, progress: 0 });

  return {
    id,
    type: 'tiles3d',
    object: tiles.group,
    raycast(raycaster: Raycaster, out: Intersection[]) {
      if (!tiles.group.visible) return;
      raycaster.intersectObject(tiles.group, true, out);
    },
    featuresAlong(raycaster: Raycaster): FeatureHit[] {
      if (!options.pickable() || !tiles.group.visible) return [];
      _hits.length = 0;
      raycaster.intersectObject(tiles.group, true, _hits);
      _hits.sort((a, b) => a.distance - b.distance);
      for (const hit of _hits) {
        const properties = featurePropertiesAt(hit);
        if (properties) {
          const { x, y, z } = hit.point;
          _hits.length = 0;
          return [{ layerId: id, properties, point: { x, y, z }, distance: hit.distance }];
        }
      }
      _hits.length = 0;
      return [];
    },
    isBusy() {
      if (rootError !== null || rootLoadingState(tiles) === ROOT_FAILED) return false;
      if (rootLoadingState(tiles) !== ROOT_LOADED) return true;
      return isLoading(tiles) || pendingCount() > 0;
    },
    tileCounts(): TileCounts {
      const s = tilesStats(tiles);
      return { loaded: s.loaded, visible: s.visible, downloading: s.queued + s.downloading + s.parsing, failed: s.failed };
    },
    boundingSphere(out: Sphere) {
      if (!tiles.getBoundingSphere(out)) return false;
      tiles.group.updateMatrixWorld();
      out.applyMatrix4(tiles.group.matrixWorld);
      return true;
    },
    setShadows(on: boolean) {
      if (on === shadows) return;
      shadows = on;
      tiles.forEachLoadedModel((scene) => setShadowFlags(scene, on));
    },
    fail(message: string) {
      failures.push(message);
    },
    warn(message: string) {
      notes.push(message);
      report({ warnings: [...notes, ...failures.slice(0, 20)] });
    },
    dispose() {
      manager.onError = previousOnError;
      tiles.removeEventListener('load-error', onLoadError as never);
      tiles.removeEventListener('update-after', onUpdateAfter as never);
      tiles.removeEventListener('load-model', onModel as never);
    },
  };
}
