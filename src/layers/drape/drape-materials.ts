/**
 * Draping by stencil shadow volumes (as CesiumJS's classification primitives do): closed
 * volumes around the ground colour whatever terrain or tile surface lies inside them, so plans
 * follow any ground without sampling it.
 *
 * Per frame, for one merged volume mesh:
 *  1. back faces, where the depth test fails: stencil + 1;
 *  2. front faces, where the depth test fails: stencil − 1 (now ≠ 0 exactly inside a volume);
 *  3. colour back faces where stencil ≠ 0, without depth test, zeroing the stencil (the first
 *     fragment of a pixel wins, so outlines drawn first lie over fills);
 *  4. zero what a discarded pattern fragment left behind.
 *
 * Surfaces that must not be coloured (buildings) mark stencil bit 7 (`markNoDrape`); the volume
 * passes use the low 7 bits only and skip marked pixels.
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
  type StencilOp,
} from 'three';

/** Stencil bit set by surfaces that plans and maps must not colour. */
export const NO_DRAPE_BIT = 0x80;
const COUNT_MASK = 0x7f;

/** First render order of the drape passes; envelopes and labels come after. */
export const DRAPE_RENDER_ORDER = 20;

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
      if (dot(c, c) > 2.6) discard;
    } else {
      // korsmark: small crosses on a 10 px grid
      vec2 c = abs(mod(cell, 10.0) - 5.0);
      if (abs(c.x - c.y) > 0.75 || c.x > 3.0) discard;
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
  return { uPxToNdc: { value: 2 / 800 }, uMinHalf: { value: 0.15 }, uOpacity: { value: 1 }, uDpr: { value: 1 } };
}

function volumePass(uniforms: DrapeUniforms, side: typeof FrontSide | typeof BackSide, zFail: StencilOp): ShaderMaterial {
  const m = new ShaderMaterial({ uniforms: uniforms as never, vertexShader, fragmentShader: silentFragment, side });
  m.colorWrite = false;
  m.depthWrite = false;
  m.depthTest = true;
  m.transparent = true;
  m.stencilWrite = true;
  m.stencilFunc = EqualStencilFunc; // only pixels without the no-drape bit
  m.stencilRef = 0;
  m.stencilFuncMask = NO_DRAPE_BIT;
  m.stencilWriteMask = COUNT_MASK;
  m.stencilFail = KeepStencilOp;
  m.stencilZFail = zFail;
  m.stencilZPass = KeepStencilOp;
  return m;
}

/** The four materials of the drape passes, in render order. */
export function createDrapeMaterials(uniforms: DrapeUniforms): ShaderMaterial[] {
  const back = volumePass(uniforms, BackSide, IncrementWrapStencilOp);
  const front = volumePass(uniforms, FrontSide, DecrementWrapStencilOp);

  const colour = new ShaderMaterial({ uniforms: uniforms as never, vertexShader, fragmentShader: colourFragment, side: BackSide });
  colour.depthWrite = false;
  colour.depthTest = false;
  colour.transparent = true;
  colour.stencilWrite = true;
  colour.stencilFunc = LessStencilFunc; // 0 < (stencil & 0x7f)
  colour.stencilRef = 0;
  colour.stencilFuncMask = COUNT_MASK;
  colour.stencilWriteMask = COUNT_MASK;
  colour.stencilFail = KeepStencilOp;
  colour.stencilZFail = ZeroStencilOp;
  colour.stencilZPass = ZeroStencilOp;

  const clear = new ShaderMaterial({ uniforms: uniforms as never, vertexShader, fragmentShader: silentFragment, side: BackSide });
  clear.colorWrite = false;
  clear.depthWrite = false;
  clear.depthTest = false;
  clear.transparent = true;
  clear.stencilWrite = true;
  clear.stencilFunc = AlwaysStencilFunc;
  clear.stencilWriteMask = COUNT_MASK;
  clear.stencilFail = ZeroStencilOp;
  clear.stencilZFail = ZeroStencilOp;
  clear.stencilZPass = ZeroStencilOp;

  return [back, front, colour, clear];
}

/** Makes a material mark its pixels as not to be draped (stencil bit 7). */
export function markMaterialNoDrape(material: Material): void {
  material.stencilWrite = true;
  material.stencilFunc = AlwaysStencilFunc;
  material.stencilRef = NO_DRAPE_BIT;
  material.stencilWriteMask = NO_DRAPE_BIT;
  material.stencilFail = KeepStencilOp;
  material.stencilZFail = KeepStencilOp;
  material.stencilZPass = ReplaceStencilOp;
}

/** Marks every mesh material under `root` as not to be draped. */
export function markNoDrape(root: Object3D): void {
  root.traverse((o) => {
    const m = (o as { material?: Material | Material[] }).material;
    if (!m) return;
    for (const mat of Array.isArray(m) ? m : [m]) markMaterialNoDrape(mat);
  });
}
