/**
 * The sun study's light: three.js's `SunLight` (a directional light with two cascaded shadow
 * maps fitted to the view frustum, rotation-stable bounding spheres snapped to the shadow
 * texel grid, and a blend between the cascades), pointed at the sun, dimmed and warmed near
 * the horizon, with a shadow distance that follows the camera's height.
 *
 * Loaded only when shadows are first turned on. Allocation-free per frame.
 */
import { Color, Matrix4, Vector3, type Camera, type Object3D } from 'three';
import { SunLight } from 'three/addons/lights/SunLight.js';
import { SunLightShadow } from 'three/addons/lights/SunLightShadow.js';

/** Shadow distance (m) for a camera at `height` metres above the ground: steps of √2, 300 m … 6 km. */
export function shadowDistance(height: number): number {
  const wanted = Math.min(6000, Math.max(300, 300 + 5 * Math.max(0, height)));
  return 300 * Math.SQRT2 ** Math.ceil(Math.log(wanted / 300) / Math.log(Math.SQRT2));
}

/** The view camera as `SunLightShadow` reads it. */
interface ShadowViewCamera {
  near: number;
  far: number;
  matrixWorld: Matrix4;
  projectionMatrixInverse: Matrix4;
  isPerspectiveCamera: boolean;
  coordinateSystem: number;
  reversedDepth: boolean;
}

/**
 * `SunLightShadow` splits the cascades from the view camera's near plane, which the camera rig
 * moves with the altitude (every frame while orbiting from above): the cascades would then
 * resize and the shadow edges crawl. This one splits from the near plane rounded down to a
 * power of two, so the cascades keep their size while the camera moves.
 */
class StableSunShadow extends SunLightShadow {
  private readonly view: ShadowViewCamera = {
    near: 1,
    far: 1,
    matrixWorld: new Matrix4(),
    projectionMatrixInverse: new Matrix4(),
    isPerspectiveCamera: true,
    coordinateSystem: 2000,
    reversedDepth: false,
  };

  override updateMatrices(light: SunLight, viewCamera?: Camera): void {
    if (!viewCamera) return;
    const cam = viewCamera as Camera & { near: number; far: number; isPerspectiveCamera?: boolean; reversedDepth?: boolean };
    const v = this.view;
    const near = cam.isPerspectiveCamera ? 2 ** Math.floor(Math.log2(cam.near)) : cam.near;
    const k = near / cam.near;
    v.near = near;
    v.far = cam.far;
    v.matrixWorld = cam.matrixWorld;
    v.isPerspectiveCamera = cam.isPerspectiveCamera === true;
    v.coordinateSystem = cam.coordinateSystem;
    v.reversedDepth = cam.reversedDepth === true;
    // the same view rays, met at the rounded near plane: scale x, y, z of the unprojected points
    const m = v.projectionMatrixInverse.copy(cam.projectionMatrixInverse).elements;
    for (let col = 0; col < 4; col++) for (let row = 0; row < 3; row++) m[col * 4 + row]! *= k;
    super.updateMatrices(light, v as unknown as Camera);
  }
}

export interface SunStudyLightOptions {
  /** Shadow map size per cascade, texels (the atlas is twice as wide). */
  mapSize?: number;
}

const DAY = new Color('#fff4e6');
const LOW_SUN = new Color('#ffb27a');
const smoothstep = (a: number, b: number, x: number) => {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
};

/** Full sunlight (the default look's key light is 2.1, with more light from the sky). */
export const SUN_INTENSITY = 2.8;

export class SunStudyLight {
  readonly light: SunLight;
  private readonly _pos = new Vector3();

  constructor(options: SunStudyLightOptions = {}) {
    const light = new SunLight(DAY.getHex(), SUN_INTENSITY);
    light.name = 'sun-study-light';
    light.shadow.dispose();
    const shadow = new StableSunShadow();
    light.shadow = shadow;
    light.castShadow = true;
    const size = options.mapSize ?? 2048;
    shadow.mapSize.set(size, size);
    // small constant bias plus a normal offset: no acne on flat roofs and ground, no floating shadows
    shadow.bias = -0.00002;
    shadow.normalBias = 0.04;
    shadow.radius = 1;
    this.light = light;
  }

  /**
   * Points the light from the sun (`toSun`, a unit vector in the scene frame) at `altitude`
   * degrees, and sets the shadow distance for a camera `heightAboveGround` metres up.
   */
  update(toSun: Vector3, altitude: number, heightAboveGround: number): void {
    const light = this.light;
    // SunLight shines from its position towards the origin
    light.position.copy(this._pos.copy(toSun).multiplyScalar(100));
    const day = smoothstep(-0.5, 6, altitude);
    light.intensity = SUN_INTENSITY * day;
    light.color.copy(LOW_SUN).lerp(DAY, smoothstep(2, 25, altitude));
    light.visible = day > 0;
    light.shadow.camera.far = shadowDistance(heightAboveGround);
  }

  /** Adds the light to `parent` (the scene). */
  attach(parent: Object3D): void {
    parent.add(this.light);
  }

  dispose(): void {
    this.light.removeFromParent();
    this.light.dispose();
  }
}
