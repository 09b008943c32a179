/**
 * `GeneratedSurfacePlugin` is exported by `3d-tiles-renderer/plugins` at runtime but missing
 * from its .d.ts; declared here with the options this project uses.
 */
import type { TilingScheme } from '3d-tiles-renderer/src/three/plugins/images/utils/TilingScheme.js';

declare module '3d-tiles-renderer/plugins' {
  export class GeneratedSurfacePlugin {
    constructor(options?: {
      /** Where the tiling comes from (only `init()` and `tiling` are used without `applyOverlayTexture`). */
      overlay?: { init(): Promise<void>; tiling: TilingScheme } | null;
      projection?: 'ellipsoid' | 'source' | string;
      endCaps?: boolean;
      center?: boolean;
      useRecommendedSettings?: boolean;
      applyOverlayTexture?: boolean;
    });
  }
}
