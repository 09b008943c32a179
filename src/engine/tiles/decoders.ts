/**
 * Shared glTF decoders for every tileset: Draco, KTX2 (Basis) and meshopt. Their WASM and
 * worker files are served by the app itself under `decoders/` (no CDN), so the viewer works
 * offline. One set of decoders serves all layers for the life of the page.
 */
import type { WebGLRenderer } from 'three';
import { DRACOLoader } from 'three/examples/jsm/loaders/DRACOLoader.js';
import { KTX2Loader } from 'three/examples/jsm/loaders/KTX2Loader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';

export interface Decoders {
  draco: DRACOLoader;
  ktx2: KTX2Loader;
  meshopt: typeof MeshoptDecoder;
}

let shared: Decoders | null = null;
let supportDetectedFor: WebGLRenderer | null = null;

/** URL of the app's decoder folder, resolved against the page (works under any base path). */
export function decoderBaseUrl(): string {
  const base = import.meta.env?.BASE_URL ?? './';
  return new URL(`${base.replace(/\/?$/, '/')}decoders/`, document.baseURI).href;
}

/** The shared decoders; KTX2 support is detected against `renderer` once. */
export function getDecoders(renderer: WebGLRenderer): Decoders {
  if (!shared) {
    const base = decoderBaseUrl();
    const draco = new DRACOLoader().setDecoderPath(`${base}draco/`);
    draco.setWorkerLimit(2);
    const ktx2 = new KTX2Loader().setTranscoderPath(`${base}basis/`);
    ktx2.setWorkerLimit(2);
    shared = { draco, ktx2, meshopt: MeshoptDecoder };
  }
  if (supportDetectedFor !== renderer) {
    shared.ktx2.detectSupport(renderer);
    supportDetectedFor = renderer;
  }
  return shared;
}

/**
 * A view of the shared KTX2 loader that reports its failures to `report` (one layer's view):
 * workers and caches stay shared, only `load`/`parse` are wrapped. GLTFLoader swallows texture
 * failures (it logs and draws the mesh untextured), so this is how a layer learns of them.
 */
export function reportingKtx2Loader(shared: KTX2Loader, report: (error: unknown) => void): KTX2Loader {
  const view = Object.create(shared) as KTX2Loader;
  view.load = (url, onLoad, onProgress, onError) =>
    shared.load(url, onLoad, onProgress, (e) => {
      report(e);
      onError?.(e);
    });
  view.parse = (buffer, onLoad, onError) =>
    shared.parse(buffer, onLoad, (e) => {
      report(e);
      onError?.(e);
    });
  return view;
}
