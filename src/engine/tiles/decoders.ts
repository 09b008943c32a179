/**
 * Shared glTF decoders for every tileset: Draco, KTX2 (Basis) and meshopt. Their WASM and
 * worker files are served by the app itself under `decoders/` (no CDN), so the viewer works
 * offline. One set of decoders serves all layers; `disposeDecoders()` frees their workers.
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

/** Terminates decoder workers (call when the viewer unmounts). */
export function disposeDecoders(): void {
  shared?.draco.dispose();
  shared?.ktx2.dispose();
  shared = null;
  supportDetectedFor = null;
}
