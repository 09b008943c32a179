/**
 * 3D Tiles 1.1 multiple contents (`tile.contents[]`), which 3d-tiles-renderer 0.5 does not
 * read: the first content loads through the renderer as usual; this plugin fetches and parses
 * the others through the same pipeline and groups all of them as the tile's one scene, so
 * they appear, refine and unload together as the spec requires.
 */
import { Group, type Object3D } from 'three';
import type { TilesRenderer } from '3d-tiles-renderer/three';

interface ContentRef {
  uri: string;
}
interface TileLike {
  content?: ContentRef;
  contents?: ContentRef[];
  internal: { basePath: string; hasContent: boolean; hasRenderableContent: boolean; hasUnrenderableContent: boolean; depth: number; depthFromRenderedParent: number };
  parent: TileLike | null;
  engineData: { scene: Object3D | null; geometry: unknown[] | null; materials: unknown[] | null; textures: unknown[] | null; [k: string]: unknown };
  /** Contents after the first, set by this plugin. */
  extraContents?: ContentRef[];
}

type Renderer = TilesRenderer & {
  parseTile(buffer: ArrayBuffer, tile: TileLike, extension: string, url: string, signal: AbortSignal): Promise<void>;
  invokeOnePlugin<T>(fn: (plugin: { fetchData?(url: string, options: RequestInit): T }) => T | undefined): T | null;
  fetchOptions: RequestInit;
};

function extensionOf(uri: string): string {
  return /\.([a-z0-9]+)(?:[?#]|$)/i.exec(uri)?.[1]?.toLowerCase() ?? '';
}

export class MultipleContentsPlugin {
  readonly name = 'MULTIPLE_CONTENTS_PLUGIN';
  private tiles: Renderer | null = null;

  init(tiles: TilesRenderer): void {
    this.tiles = tiles as Renderer;
  }

  preprocessNode(tile: TileLike): void {
    const contents = tile.contents;
    if (tile.content || !Array.isArray(contents) || contents.length === 0) return;
    const [first, ...rest] = contents;
    tile.content = { uri: first!.uri };
    if (rest.length > 0) tile.extraContents = rest;
    // the renderer classified the tile before this hook ran: classify it again
    const unrenderable = /json$/.test(extensionOf(first!.uri));
    tile.internal.hasContent = true;
    tile.internal.hasUnrenderableContent = unrenderable;
    tile.internal.hasRenderableContent = !unrenderable;
    const parentDepth = tile.parent ? tile.parent.internal.depthFromRenderedParent : 0;
    tile.internal.depthFromRenderedParent = parentDepth + (unrenderable ? 0 : 1);
  }

  /** Handles only tiles with extra contents; returns `null` synchronously for the rest (the renderer then parses them). */
  parseTile(buffer: ArrayBuffer, tile: TileLike, extension: string, url: string, signal: AbortSignal): Promise<boolean> | null {
    const renderer = this.tiles;
    if (!renderer || !tile.extraContents) return null;
    return this.parseAll(renderer, tile.extraContents, buffer, tile, extension, url, signal);
  }

  private async parseAll(
    renderer: Renderer,
    extras: ContentRef[],
    buffer: ArrayBuffer,
    tile: TileLike,
    extension: string,
    url: string,
    signal: AbortSignal,
  ): Promise<boolean> {
    await renderer.parseTile(buffer, tile, extension, url, signal);
    const primary = tile.engineData;
    if (signal.aborted || !primary.scene) return true;
    const group = new Group();
    group.add(primary.scene);
    for (const extra of extras) {
      const extraUrl = new URL(extra.uri, `${tile.internal.basePath}/`).toString();
      const res = (await renderer.invokeOnePlugin((p) => p.fetchData?.(extraUrl, { ...renderer.fetchOptions, signal }))) as Response | null;
      if (!res || !res.ok) throw new Error(`Failed to load content ${extra.uri} with error code ${res?.status ?? 'unknown'}`);
      const data = await res.arrayBuffer();
      // parse into a stand-in tile so the primary's engine data stays intact
      const proxy: TileLike = Object.create(tile) as TileLike;
      proxy.engineData = { ...primary, scene: null, geometry: null, materials: null, textures: null };
      await renderer.parseTile(data, proxy, extensionOf(extra.uri), extraUrl, signal);
      if (signal.aborted || !proxy.engineData.scene) return true;
      group.add(proxy.engineData.scene);
      primary.geometry = [...(primary.geometry ?? []), ...(proxy.engineData.geometry ?? [])];
      primary.materials = [...(primary.materials ?? []), ...(proxy.engineData.materials ?? [])];
      primary.textures = [...(primary.textures ?? []), ...(proxy.engineData.textures ?? [])];
    }
    group.userData = { ...primary.scene.userData };
    primary.scene = group;
    return true;
  }
}
