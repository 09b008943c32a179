/**
 * Draping by stencil shadow volumes (as CesiumJS's classification primitives do): closed
 * volumes around the ground colour whatever terrain or tile surface lies inside them, so plans
 * follow any ground without sampling it.
 *
 * Per frame, for one batch of volumes of one colour (and pattern), in three passes:
 *  - back faces where the depth test fails add 1 to the stencil count, then front faces where it
 *    fails subtract 1, leaving at each pixel the number of volumes the surface lies in. Volumes
 *    may overlap: a count, unlike a parity bit, never cancels two areas of one colour out;
 *  - then the colour pass draws the batch's back faces, without depth test, where the count is
 *    not zero, and zeroes it. Because the batch has one colour and pattern, it does not matter
 *    which volume's face colours a pixel, and it is coloured once however many volumes overlap
 *    there (pattern gaps are drawn transparent, so every counted pixel is cleared).
 * The count lives in the low 7 stencil bits and wraps, so only a multiple of 128 volumes of one
 * batch over one pixel would read as none.
 *
 * Only surfaces that receive drapes are coloured: their materials set stencil bit 7 where they
 * are drawn (`markDrapeReceiver`: ground and terrain tiles, the ground plane); buildings clear it
 * (`markNoDrape`), and anything unmarked keeps what lay under it (usually the cleared 0, since
 * opaque objects are drawn front to back). The volume passes use the low 7 bits only, on pixels
 * with bit 7 set. Overlays (XR panels, markers) draw after every drape (`OVERLAY_RENDER_ORDER`).
 */
import {
  AlwaysStencilFunc,
  BackSide,
  DecrementWrapStencilOp,
  EqualStencilFunc,
  FrontSide,
  IncrementWrapStencilOp,
  KeepStencilOp,
  LessStencilFunc,
  ReplaceStencilOp,
  ShaderMaterial,
  ZeroStencilOp,
  type Material,
  type Object3D,
  type Side,
  type StencilFunc,
  type StencilOp,
} from 'three';

/** Stencil bit set by surfaces that drapes (plans, maps) may colour. */
export const DRAPE_RECEIVER_BIT = 0x80;
const COUNT_MASK = 0x7f;

/** Render order of translucent things that must come after every draped layer (e.g. envelopes). */
export const AFTER_DRAPES_RENDER_ORDER = 1_000_000;
/** Render order of overlays drawn over everything, drapes included (XR panels, pins, arcs). */
export const OVERLAY_RENDER_ORDER = 2_000_000;

let nextOrder = 20;

/**
 * A block of `count` consecutive render orders for one layer's drape passes, so the passes of
 * two draped layers never interleave (they share the stencil buffer).
 */
export function allocateDrapeOrders(count: number): number {
  if (nextOrder + count >= AFTER_DRAPES_RENDER_ORDER) nextOrder = 20;
  const first = nextOrder;
  nextOrder += count;
  return first;
}

const vertexShader = /* glsl */ `
attribute vec4 aColour;
attribute vec3 aOffset;
attribute float aPattern;
uniform float uPxToNdc;
uniform float uMinHalf;
varying vec4 vColour;
varying float vPattern;
void main() {
  vec4 mv = modelViewMatrix * vec4(position, 1.0);
  if (aOffset.y > 0.0) {
    // widen outlines to aOffset.y CSS pixels each side at this distance (view-space metres)
    float dist = max(-mv.z, 0.1);
    float scale = length(modelViewMatrix[0].xyz);
    float hw = max(uMinHalf * scale, aOffset.y * uPxToNdc * dist / projectionMatrix[1][1]);
    vec3 dir = mat3(modelViewMatrix) * vec3(aOffset.x, 0.0, aOffset.z) / scale;
    mv.xyz += dir * hw;
  }
  vColour = aColour / 255.0;
  vPattern = aPattern;
  gl_Position = projectionMatrix * mv;
}
`;

const colourFragment = /* glsl */ `
uniform float uOpacity;
uniform float uDpr;
varying vec4 vColour;
varying float vPattern;
void main() {
  if (vPattern > 0.5) {
    vec2 cell = gl_FragCoord.xy / uDpr;
    if (vPattern < 1.5) {
      // prickmark: dots on a 7 px grid
      vec2 c = mod(cell, 7.0) - 3.5;
      if (dot(c, c) > 2.6) { gl_FragColor = vec4(0.0); return; }
    } else {
      // korsmark: small crosses on a 10 px grid
      vec2 c = abs(mod(cell, 10.0) - 5.0);
      if (abs(c.x - c.y) > 0.75 || c.x > 3.0) { gl_FragColor = vec4(0.0); return; }
    }
  }
  gl_FragColor = vec4(vColour.rgb, vColour.a * uOpacity);
}
`;

const silentFragment = /* glsl */ `
void main() { gl_FragColor = vec4(0.0); }
`;

/** Uniforms shared by the passes of one layer. */
export interface DrapeUniforms {
  uPxToNdc: { value: number };
  uMinHalf: { value: number };
  uOpacity: { value: number };
  uDpr: { value: number };
}

export function createDrapeUniforms(): DrapeUniforms {
  return { uPxToNdc: { value: 2 / 800 }, uMinHalf: { value: 0.05 }, uOpacity: { value: 1 }, uDpr: { value: 1 } };
}

/** The stencil test and operations of a material (three applies them only with `stencilWrite`). */
interface StencilState {
  func: StencilFunc;
  ref: number;
  funcMask?: number;
  writeMask: number;
  fail: StencilOp;
  zFail: StencilOp;
  zPass: StencilOp;
}

function applyStencil(m: Material, s: StencilState): void {
  m.stencilWrite = true;
  m.stencilFunc = s.func;
  m.stencilRef = s.ref;
  m.stencilFuncMask = s.funcMask ?? 0xff;
  m.stencilWriteMask = s.writeMask;
  m.stencilFail = s.fail;
  m.stencilZFail = s.zFail;
  m.stencilZPass = s.zPass;
}

/** A stencil-only pass over the batch's volumes (no colour, no depth writes). */
function volumePass(uniforms: DrapeUniforms, side: Side, writeMask: number, zFail: StencilOp): ShaderMaterial {
  const m = new ShaderMaterial({ uniforms: uniforms as never, vertexShader, fragmentShader: silentFragment, side });
  m.colorWrite = false;
  m.depthWrite = false;
  m.depthTest = true;
  m.transparent = true;
  // only pixels of surfaces that receive drapes
  applyStencil(m, { func: EqualStencilFunc, ref: DRAPE_RECEIVER_BIT, funcMask: DRAPE_RECEIVER_BIT, writeMask, fail: KeepStencilOp, zFail, zPass: KeepStencilOp });
  return m;
}

/** The colour pass: back faces where the batch's stencil bits are set, clearing them. */
function colourPass(uniforms: DrapeUniforms, mask: number): ShaderMaterial {
  const m = new ShaderMaterial({ uniforms: uniforms as never, vertexShader, fragmentShader: colourFragment, side: BackSide });
  m.depthWrite = false;
  m.depthTest = false;
  m.transparent = true;
  // 0 < (stencil & mask)
  applyStencil(m, { func: LessStencilFunc, ref: 0, funcMask: mask, writeMask: mask, fail: KeepStencilOp, zFail: ZeroStencilOp, zPass: ZeroStencilOp });
  return m;
}

/** Draw calls per batch: count up, count down, colour. */
export const DRAPE_PASSES = 3;

/** The materials of one batch's passes, in render order (`DRAPE_PASSES` of them). */
export function createDrapeMaterials(uniforms: DrapeUniforms): ShaderMaterial[] {
  return [
    volumePass(uniforms, BackSide, COUNT_MASK, IncrementWrapStencilOp),
    volumePass(uniforms, FrontSide, COUNT_MASK, DecrementWrapStencilOp),
    colourPass(uniforms, COUNT_MASK),
  ];
}

/** Writes `value` (0 or bit 7) into stencil bit 7 wherever the material's fragments are visible. */
function markStencilBit7(material: Material, value: number): void {
  applyStencil(material, { func: AlwaysStencilFunc, ref: value, writeMask: DRAPE_RECEIVER_BIT, fail: KeepStencilOp, zFail: KeepStencilOp, zPass: ReplaceStencilOp });
}

/** Makes a material's visible pixels receive drapes (sets stencil bit 7). */
export function markMaterialDrapeReceiver(material: Material): void {
  markStencilBit7(material, DRAPE_RECEIVER_BIT);
}

/** Makes a material's visible pixels refuse drapes (clears stencil bit 7 over a receiver behind). */
export function markMaterialNoDrape(material: Material): void {
  markStencilBit7(material, 0);
}

/** Whether drapes colour a material's pixels (`markMaterialDrapeReceiver`); for arrays, the first. */
export function isDrapeReceiver(material: Material | Material[] | undefined): boolean {
  const m = Array.isArray(material) ? material[0] : material;
  return !!m && m.stencilWrite && m.stencilZPass === ReplaceStencilOp && (m.stencilWriteMask & DRAPE_RECEIVER_BIT) !== 0 && (m.stencilRef & DRAPE_RECEIVER_BIT) !== 0;
}

function traverseMaterials(root: Object3D, mark: (m: Material) => void): void {
  root.traverse((o) => {
    const m = (o as { material?: Material | Material[] }).material;
    if (!m) return;
    for (const mat of Array.isArray(m) ? m : [m]) mark(mat);
  });
}

/** Marks every mesh material under `root` as receiving drapes (ground, terrain). */
export function markDrapeReceiver(root: Object3D): void {
  traverseMaterials(root, markMaterialDrapeReceiver);
}

/** Marks every mesh material under `root` as refusing drapes (buildings). */
export function markNoDrape(root: Object3D): void {
  traverseMaterials(root, markMaterialNoDrape);
}
