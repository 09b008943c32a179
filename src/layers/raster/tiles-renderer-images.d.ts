/**
 * Types for the parts of 3d-tiles-renderer's image-overlay code that its package exports only
 * as source (`3d-tiles-renderer/src/*`, see its package.json "exports") and without .d.ts:
 * the tiling and projection schemes and the tiled image sources the overlays are built on.
 * Only what this project uses is declared. Angles are radians; "normalized" is the image's
 * [0, 1] × [0, 1] space, y up.
 */

declare module '3d-tiles-renderer/src/three/plugins/images/utils/ProjectionScheme.js' {
  export class ProjectionScheme {
    constructor(scheme?: string);
    scheme: string;
    tileCountX: number;
    tileCountY: number;
    get isMercator(): boolean;
    get isCartographic(): boolean;
    /** [west, south, east, north], radians. */
    getBounds(): number[];
    fromCartographicToNormalized(lon: number, lat: number, target?: number[]): number[];
    fromNormalizedToCartographic(u: number, v: number, target?: number[]): number[];
    fromCartographicToNormalizedRange(range: readonly number[]): number[];
    fromNormalizedToCartographicRange(range: readonly number[]): number[];
    getProjectedExtents(): number[];
    clampToBounds(range: readonly number[], normalized?: boolean): number[];
  }
}

declare module '3d-tiles-renderer/src/three/plugins/images/utils/TilingScheme.js' {
  import type { ProjectionScheme } from '3d-tiles-renderer/src/three/plugins/images/utils/ProjectionScheme.js';

  export interface TilingLevelOptions {
    tilePixelWidth?: number;
    tilePixelHeight?: number;
    tileCountX?: number;
    tileCountY?: number;
    pixelWidth?: number;
    pixelHeight?: number;
    tileBounds?: number[] | null;
  }

  export interface TilingLevel {
    tilePixelWidth: number;
    tilePixelHeight: number;
    pixelWidth: number;
    pixelHeight: number;
    tileCountX: number;
    tileCountY: number;
  }

  export class TilingScheme {
    flipY: boolean;
    projection: ProjectionScheme;
    readonly maxLevel: number;
    readonly minLevel: number;
    readonly levelCount: number;
    setLevel(level: number, options?: TilingLevelOptions): void;
    generateLevels(levels: number, rootTileX: number, rootTileY: number, options?: TilingLevelOptions & { minLevel?: number }): void;
    getLevel(level: number): TilingLevel | null | undefined;
    setContentBounds(minX: number, minY: number, maxX: number, maxY: number): void;
    getContentBounds(normalized?: boolean): number[];
    setProjection(projection: ProjectionScheme): void;
    getTileBounds(x: number, y: number, level: number, normalized?: boolean, clamp?: boolean): number[];
    getTilesInRange(minX: number, minY: number, maxX: number, maxY: number, level: number, normalized?: boolean): number[];
  }
}

declare module '3d-tiles-renderer/src/three/plugins/images/sources/TiledImageSource.js' {
  import type { Texture } from 'three';
  import type { TilingScheme } from '3d-tiles-renderer/src/three/plugins/images/utils/TilingScheme.js';

  /** A ref-counted cache of image tiles (`DataCache`) over a tiling scheme. */
  export class TiledImageSource {
    constructor(options?: { fetchOptions?: RequestInit });
    tiling: TilingScheme;
    fetchOptions: RequestInit;
    /** Replaced by the overlay with its queued fetch. */
    fetchData: (url: string, options: RequestInit) => Promise<Response>;
    init(): Promise<void> | void;
    processBufferToTexture(buffer: ArrayBuffer): Promise<Texture>;
    fetchItem(tokens: number[], signal: AbortSignal): Promise<Texture>;
    disposeItem(texture: Texture | null): void;
    getUrl(x: number, y: number, level: number): string;
    getMemoryUsage(texture: Texture): number;
    lock(...tokens: number[]): unknown;
    release(...tokens: number[]): void;
    get(...tokens: number[]): Texture | null;
    dispose(): void;
  }
}

declare module '3d-tiles-renderer/src/three/plugins/images/sources/XYZImageSource.js' {
  import { TiledImageSource } from '3d-tiles-renderer/src/three/plugins/images/sources/TiledImageSource.js';

  export class XYZImageSource extends TiledImageSource {
    constructor(options?: { url?: string; levels?: number | (Record<string, never> | null)[]; tileDimension?: number; projection?: string });
    url: string;
  }
}
