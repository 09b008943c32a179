/**
 * The sun-hours map in the scene: one cell per sample point, laid on the ground it was
 * computed for, coloured by hours of direct sun. With a comparison the same mesh shows today's
 * map where today is drawn and the proposal's where the proposal is (by the fragment's screen
 * position against the swipe divider), so toggling or swiping compares the maps as it
 * compares the buildings.
 */
import {
  BufferGeometry,
  DataTexture,
  Float32BufferAttribute,
  Mesh,
  NearestFilter,
  RGBAFormat,
  SRGBColorSpace,
  ShaderMaterial,
  UnsignedByteType,
} from 'three';
import { AFTER_DRAPES_RENDER_ORDER } from '../../layers/drape/drape-materials';
import { hoursScale, sunHoursColour } from '../../state/sun-hours-palette';
import type { SunHoursResult } from '../../state/sun-hours-store';

/** The map floats this far above the ground it was computed on, metres. */
const LIFT = 0.25;

const vertexShader = /* glsl */ `
varying vec2 vUv;
void main() {
  vUv = uv;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}`;

const fragmentShader = /* glsl */ `
uniform sampler2D uBefore;
uniform sampler2D uAfter;
uniform float uSplit;
uniform float uOpacity;
varying vec2 vUv;
void main() {
  vec4 c = gl_FragCoord.x < uSplit ? texture2D(uBefore, vUv) : texture2D(uAfter, vUv);
  if (c.a < 0.5) discard;
  gl_FragColor = vec4(c.rgb, uOpacity);
  #include <colorspace_fragment>
}`;

function hoursTexture(hours: Float32Array, nx: number, nz: number, max: number): DataTexture {
  const data = new Uint8Array(nx * nz * 4);
  for (let k = 0; k < nx * nz; k++) {
    const h = hours[k]!;
    if (Number.isNaN(h)) continue;
    const [r, g, b] = sunHoursColour(h, max);
    data[k * 4] = r;
    data[k * 4 + 1] = g;
    data[k * 4 + 2] = b;
    data[k * 4 + 3] = 255;
  }
  const t = new DataTexture(data, nx, nz, RGBAFormat, UnsignedByteType);
  t.colorSpace = SRGBColorSpace;
  t.magFilter = NearestFilter;
  t.minFilter = NearestFilter;
  t.generateMipmaps = false;
  t.needsUpdate = true;
  return t;
}

/** Heights of the cell corners: the mean ground of the samples around each corner. */
function cornerHeights(groundY: Float32Array, nx: number, nz: number, fallback: number): Float32Array {
  const out = new Float32Array((nx + 1) * (nz + 1));
  for (let j = 0; j <= nz; j++) {
    for (let i = 0; i <= nx; i++) {
      let sum = 0;
      let n = 0;
      for (const [di, dj] of [[-1, -1], [0, -1], [-1, 0], [0, 0]] as const) {
        const si = i + di;
        const sj = j + dj;
        if (si < 0 || sj < 0 || si >= nx || sj >= nz) continue;
        const g = groundY[sj * nx + si]!;
        if (Number.isNaN(g)) continue;
        sum += g;
        n++;
      }
      out[j * (nx + 1) + i] = n > 0 ? sum / n : fallback;
    }
  }
  return out;
}

export class SunHoursOverlay {
  readonly mesh: Mesh<BufferGeometry, ShaderMaterial>;
  private readonly textures: DataTexture[];

  constructor(result: SunHoursResult) {
    const { x0, z0, spacing, nx, nz, groundY, hours } = result.grid;
    const max = hoursScale(result.dayLength);
    const ids = result.sides.map((s) => s.id);
    const before = hoursTexture(hours[ids[0]!]!, nx, nz, max);
    const after = ids.length > 1 ? hoursTexture(hours[ids[1]!]!, nx, nz, max) : before;
    this.textures = after === before ? [before] : [before, after];

    let mean = 0;
    let count = 0;
    for (const g of groundY) if (!Number.isNaN(g)) (mean += g), count++;
    const heights = cornerHeights(groundY, nx, nz, count ? mean / count : 0);
    const positions = new Float32Array((nx + 1) * (nz + 1) * 3);
    const uvs = new Float32Array((nx + 1) * (nz + 1) * 2);
    for (let j = 0; j <= nz; j++) {
      for (let i = 0; i <= nx; i++) {
        const v = j * (nx + 1) + i;
        positions.set([x0 + i * spacing, heights[v]! + LIFT, z0 + j * spacing], v * 3);
        uvs.set([i / nx, j / nz], v * 2);
      }
    }
    const index: number[] = [];
    for (let j = 0; j < nz; j++) {
      for (let i = 0; i < nx; i++) {
        const a = j * (nx + 1) + i;
        const b = a + 1;
        const c = a + nx + 1;
        const d = c + 1;
        index.push(a, c, b, b, c, d);
      }
    }
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
    geometry.setAttribute('uv', new Float32BufferAttribute(uvs, 2));
    geometry.setIndex(index);
    geometry.computeBoundingSphere();
    const material = new ShaderMaterial({
      vertexShader,
      fragmentShader,
      uniforms: { uBefore: { value: before }, uAfter: { value: after }, uSplit: { value: 1e9 }, uOpacity: { value: 0.88 } },
      transparent: true,
      depthWrite: false,
      polygonOffset: true,
      polygonOffsetFactor: -2,
      polygonOffsetUnits: -2,
    });
    this.mesh = new Mesh(geometry, material);
    this.mesh.name = 'sun-hours';
    this.mesh.renderOrder = AFTER_DRAPES_RENDER_ORDER + 1;
  }

  /**
   * Which map shows where: before (today) left of `splitPx` (drawing-buffer pixels from the
   * left), after (the proposal) right of it; ±Infinity shows one map everywhere.
   */
  setSplit(splitPx: number): void {
    this.mesh.material.uniforms.uSplit!.value = Math.max(-1e9, Math.min(1e9, splitPx));
  }

  dispose(): void {
    this.mesh.removeFromParent();
    this.mesh.geometry.dispose();
    this.mesh.material.dispose();
    for (const t of this.textures) t.dispose();
  }
}
