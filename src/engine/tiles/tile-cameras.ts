/**
 * Which cameras a TilesRenderer uses for level of detail and screen-space error. On desktop:
 * the canvas camera at the canvas size. In XR: each eye camera of `renderer.xr` at its own
 * viewport size (in framebuffer pixels), so tiles refine with the headset pose; the array
 * camera and the desktop camera are taken out while presenting and put back after.
 * Allocation-free; call once per frame before `tiles.update()`.
 */
import type { Camera, WebGLRenderer } from 'three';
import type { TilesRenderer } from '3d-tiles-renderer/three';

export function syncTileCameras(tiles: TilesRenderer, gl: WebGLRenderer, camera: Camera): void {
  const xr = gl.xr;
  const xrCamera = xr.getCamera();
  const eyes = xrCamera.cameras;
  // eye viewports are known from the first XR frame on
  if (xr.isPresenting && eyes.length > 0 && eyes[0]!.viewport.z > 0) {
    // remove every camera that is not an eye (the array camera, the desktop camera)
    const cams = tiles.cameras;
    for (let i = cams.length - 1; i >= 0; i--) {
      const c = cams[i]!;
      if (eyes.indexOf(c as (typeof eyes)[number]) < 0) tiles.deleteCamera(c);
    }
    for (let i = 0; i < eyes.length; i++) {
      const eye = eyes[i]!;
      tiles.setCamera(eye);
      tiles.setResolution(eye, eye.viewport.z, eye.viewport.w);
    }
    return;
  }
  for (let i = 0; i < eyes.length; i++) tiles.deleteCamera(eyes[i]!);
  tiles.setCamera(camera);
  camera.updateMatrixWorld();
  tiles.setResolutionFromRenderer(camera, gl);
}
