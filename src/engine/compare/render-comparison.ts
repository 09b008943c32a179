/**
 * Renders a frame with the active comparison applied: one full render of the side the mode
 * names, or in swipe mode two scissored renders, the before side left of the divider and the
 * after side right of it, with the same camera and viewport, so the halves line up exactly.
 * In XR the view is never split (swipe shows the after side). `renderer.info` counts both
 * passes of a split frame. Allocation-free per frame.
 */
import { Vector2, type Camera, type Object3D, type WebGLRenderer } from 'three';
import { wholeViewSide } from '../../state/compare-store';
import type { ComparisonReader } from './comparison-reader';
import { LayerVisibilityPass, type LayerObjectLookup } from './layer-visibility';

/** The parts of three's `WebGLRenderer` used here (a real renderer in the app, a fake in tests). */
export type ComparisonRenderer = Pick<WebGLRenderer, 'render' | 'getSize' | 'setScissor' | 'setScissorTest' | 'info'> & {
  xr: Pick<WebGLRenderer['xr'], 'isPresenting'>;
};

const _size = new Vector2();
const _pass = new LayerVisibilityPass();

export function renderComparison(
  gl: ComparisonRenderer,
  scene: Object3D,
  camera: Camera,
  reader: ComparisonReader | null,
  lookup: LayerObjectLookup,
): void {
  const comparison = reader?.active() ?? null;
  if (!reader || !comparison) {
    gl.render(scene, camera);
    return;
  }
  _pass.begin(comparison, lookup);
  try {
    const split = reader.split();
    if (!reader.isSplit(gl.xr.isPresenting) || split <= 0 || split >= 1) {
      // one side fills the view (a divider at an edge leaves only one half)
      _pass.show(reader.isSplit(gl.xr.isPresenting) ? (split <= 0 ? 'after' : 'before') : wholeViewSide(reader.mode()));
      gl.render(scene, camera);
      return;
    }
    gl.getSize(_size);
    const left = Math.round(split * _size.x);
    const autoReset = gl.info.autoReset;
    gl.info.reset();
    gl.info.autoReset = false;
    gl.setScissorTest(true);
    try {
      gl.setScissor(0, 0, left, _size.y);
      _pass.show('before');
      gl.render(scene, camera);
      gl.setScissor(left, 0, _size.x - left, _size.y);
      _pass.show('after');
      gl.render(scene, camera);
    } finally {
      gl.setScissorTest(false);
      gl.info.autoReset = autoReset;
    }
  } finally {
    _pass.end();
  }
}
