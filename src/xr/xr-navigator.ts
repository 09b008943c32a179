/**
 * Moving the user in XR by moving the XR origin (the room's place in the scene frame):
 * street level (1:1, feet on the ground), table-top (the district as a model on a table, see
 * `table-pose`), teleport with an arc, thumbstick movement, snap turn, flying, grabbing the
 * model, and jumps to viewpoints. Reads controllers from the XRFrame once per frame; owns no
 * React state and allocates nothing per frame beyond WebXR's own pose objects.
 *
 * Controls (Quest Touch; `xr-standard` gamepad mapping):
 * - left stick: walk / fly along the view (street); X / Y: fly up / down;
 * - right stick left/right: snap turn 30°; right stick forward: aim the teleport arc, release to go;
 * - A: switch street ⇄ table-top (from table-top, to where the right ray points);
 * - B: show / hide the menu; trigger (or pinch): menu, or pick a feature;
 * - grip (squeeze) in table-top: one hand moves and turns the model, two hands also scale it;
 *   hands grab by pinching in table-top.
 */
import { Quaternion, Raycaster, Sphere, Vector3, type Object3D } from 'three';
import type { Engine } from '../engine/engine';
import type { SceneDocument } from '../spec';
import { EYE_HEIGHT } from './eye-height';
import { castArc, createArcResult, isTeleportTarget } from './teleport-arc';
import { castLayers, rayFromSpace } from './xr-raycast';
import { applyTablePose, grabTablePose, tableSizeFor, type GrabStart, type TablePose } from './table-pose';
import type { XrRuntime, XrScale } from './xr-runtime';

const DEG = Math.PI / 180;
const SNAP_TURN = 30 * DEG;
const DEADZONE = 0.15;
/** Metres the ground plane lies below the ground height (as `GroundPlane` draws it). */
const GROUND_PLANE_CLEARANCE = 0.4;
/** Table-top height in the room and model width on it, metres. */
export const TABLE_HEIGHT = 0.8;
export const TABLE_WIDTH = 1.5;
/** Launch speed (m/s) and gravity (m/s²) of the teleport arc at street level. */
const ARC_SPEED = 16;
const ARC_GRAVITY = 9.81;

const _head = new Vector3();
const _headWorld = new Vector3();
const _fwd = new Vector3();
const _v = new Vector3();
const _w = new Vector3();
const _up = new Vector3(0, 1, 0);
const _raycaster = new Raycaster();
const _point = new Vector3();
const _normal = new Vector3();
const _hand0 = new Vector3();
const _hand1 = new Vector3();
const _hands: Vector3[] = [];
const _quat = new Quaternion();
const _sphere = new Sphere();

interface ButtonLatch {
  a: boolean;
  b: boolean;
  turn: boolean;
  aiming: boolean;
}

/** One grabbing input source: the one that started first is `hands[0]`. */
interface Grabber {
  source: XRInputSource;
  yaw: number;
}

export interface XrNavigatorDeps {
  engine: Engine;
  xr: XrRuntime;
  doc(): SceneDocument | null;
}

export class XrNavigator {
  /** The teleport arc while aiming (drawn by `TeleportArc`). */
  readonly arc = createArcResult();
  /** Whether the arc is shown and whether its end is a valid target. */
  aiming = false;
  arcValid = false;
  /** Last world point the user pointed at or picked in table-top (where street level resumes). */
  readonly pointed = new Vector3();
  hasPointed = false;
  /** The head in the room (reference space), metres, and its heading (radians about +y). */
  readonly head = new Vector3(0, EYE_HEIGHT, 0);
  headYaw = 0;
  private readonly table: TablePose = { position: new Vector3(0, TABLE_HEIGHT, -1), yaw: 0, size: 1 };
  private readonly centre = new Vector3();
  private readonly latch: ButtonLatch = { a: false, b: false, turn: false, aiming: false };
  private readonly grabbers: Grabber[] = [];
  private grabStart: GrabStart | null = null;
  private readonly grabPose: TablePose = { position: new Vector3(), yaw: 0, size: 1 };
  private origin: Object3D | null = null;
  private scale: XrScale = 'street';
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: XrNavigatorDeps) {
    this.unsubscribe = deps.xr.view.subscribe((s, prev) => {
      if (s.scale !== prev.scale) this.applyScale(s.scale);
    });
  }

  dispose(): void {
    this.unsubscribe();
    this.origin = null;
  }

  attach(origin: Object3D | null): void {
    this.origin = origin;
  }

  /** Ground height in the scene frame (y, metres). */
  groundY(): number {
    const doc = this.deps.doc();
    if (!doc) return 0;
    return (doc.ground?.height ?? doc.origin.height) - doc.origin.height;
  }

  /** Street level at the world point `feet`, facing `yaw` (radians about +y; 0 is north, −z). */
  placeStreet(feet: Vector3, yaw: number): void {
    const o = this.origin;
    if (!o) return;
    o.scale.setScalar(1);
    o.quaternion.setFromAxisAngle(_up, yaw - this.headYaw);
    _v.set(this.head.x, 0, this.head.z).applyQuaternion(o.quaternion);
    o.position.copy(feet).sub(_v);
    o.updateMatrixWorld(true);
    this.publish();
  }

  /** Table-top in front of the user, showing the district around its centre. */
  placeTable(): void {
    const o = this.origin;
    if (!o) return;
    const width = this.districtCentre(this.centre);
    this.table.size = tableSizeFor(width, TABLE_WIDTH);
    _fwd.set(-Math.sin(this.headYaw), 0, -Math.cos(this.headYaw));
    this.table.position.set(this.head.x, TABLE_HEIGHT, this.head.z).addScaledVector(_fwd, 0.35 + TABLE_WIDTH / 2);
    this.table.yaw = this.headYaw;
    applyTablePose(this.table, this.centre, o);
    this.publish();
  }

  /** World metres per room metre (1 at street level). */
  worldScale(): number {
    return this.origin?.scale.x ?? 1;
  }

  /** The table pose now (room metres, radians, model metres per world metre). */
  tablePose(): Readonly<TablePose> {
    return this.table;
  }

  /** Centre (scene frame) and width (metres) of the district: the widest layer's bounds. */
  districtCentre(out: Vector3): number {
    let best = 0;
    out.set(0, this.groundY(), 0);
    for (const h of this.deps.engine.layerHandles()) {
      const s = _sphere;
      if (!h.boundingSphere?.(s) || s.radius <= best || s.radius > 20_000) continue;
      best = s.radius;
      out.set(s.center.x, this.groundY(), s.center.z);
    }
    return best > 0 ? best * 2 : 1000;
  }

  /** On entering a session: street level where the desktop camera looks (or stands). */
  enterAt(feet: Vector3, yaw: number): void {
    this.grabbers.length = 0;
    this.grabStart = null;
    this.hasPointed = false;
    this.scale = this.deps.xr.view.getState().scale;
    if (this.scale === 'table') {
      this.pointed.copy(feet);
      this.hasPointed = true;
      this.placeTable();
    } else this.placeStreet(feet, yaw);
  }

  /** Jumps to a viewpoint at street level (or flying, for a viewpoint high above the ground). */
  goToViewpoint(position: Vector3, headingDeg: number): void {
    if (this.deps.xr.view.getState().scale !== 'street') {
      this.scale = 'street'; // skip applyScale's own placement
      this.deps.xr.view.setState({ scale: 'street' });
    }
    _w.copy(position);
    const above = position.y - this.groundY();
    _w.y = above < 50 ? this.groundY() : position.y - EYE_HEIGHT;
    this.placeStreet(_w, -headingDeg * DEG);
  }

  private applyScale(scale: XrScale): void {
    if (scale === this.scale) return;
    this.scale = scale;
    this.grabbers.length = 0;
    this.grabStart = null;
    if (!this.origin) return;
    if (scale === 'table') {
      this.placeTable();
      return;
    }
    // street level where the user pointed in the model (on the ground below a roof), else its centre
    const ground = this.groundY();
    if (this.hasPointed) _w.copy(this.pointed);
    else this.districtCentre(_w);
    if (_w.y - ground > 3 || _w.y < ground) _w.y = ground;
    this.placeStreet(_w, this.headYaw + yawOfOrigin(this.origin));
  }

  private publish(): void {
    const o = this.origin;
    const c = this.deps.xr.counters.origin;
    if (!o) return;
    c.x = o.position.x;
    c.y = o.position.y;
    c.z = o.position.z;
    c.scale = o.scale.x;
  }

  /** Once per XR frame, with the frame interval (seconds). */
  update(frame: XRFrame, dt: number): void {
    const o = this.origin;
    const refSpace = this.deps.xr.store.getState().originReferenceSpace;
    if (!o || !refSpace) return;
    const viewer = frame.getViewerPose(refSpace);
    if (!viewer) return;
    this.deps.xr.counters.frames++;
    this.deps.xr.counters.views = viewer.views.length;
    const hp = viewer.transform.position;
    const hq = viewer.transform.orientation;
    this.head.set(hp.x, hp.y, hp.z);
    // heading of the view direction (−z of the head) in the room
    _fwd.set(0, 0, -1).applyQuaternion(_quat.set(hq.x, hq.y, hq.z, hq.w));
    this.headYaw = Math.atan2(-_fwd.x, -_fwd.z);
    const street = this.scale === 'street';
    let aimingNow = false;
    for (const source of frame.session.inputSources) {
      const pad = source.gamepad;
      if (!pad) continue;
      const axX = pad.axes[2] ?? 0;
      const axY = pad.axes[3] ?? 0;
      const squeeze = pad.buttons[1]?.pressed ?? false;
      if (source.handedness === 'left') {
        if (street) this.walk(axX, axY, (pad.buttons[4]?.pressed ? 1 : 0) - (pad.buttons[5]?.pressed ? 1 : 0), dt);
      } else if (source.handedness === 'right') {
        if (street) {
          this.snapTurn(axX);
          if (axY < -0.6 && Math.abs(axX) < 0.6) {
            aimingNow = true;
            this.aim(frame, source, refSpace);
          }
        }
        const a = pad.buttons[4]?.pressed ?? false;
        if (a && !this.latch.a) this.toggleScale(frame, source, refSpace);
        this.latch.a = a;
        const b = pad.buttons[5]?.pressed ?? false;
        if (b && !this.latch.b) this.deps.xr.view.setState((s) => ({ menuOpen: !s.menuOpen }));
        this.latch.b = b;
      }
      if (!street) this.trackGrab(source, squeeze);
    }
    if (this.latch.aiming && !aimingNow && this.arcValid) this.teleport();
    this.latch.aiming = aimingNow;
    this.aiming = aimingNow;
    if (!aimingNow) this.arcValid = false;
    const tp = this.deps.xr.counters.teleport;
    tp.aiming = aimingNow;
    tp.valid = this.arcValid;
    tp.x = this.arc.hitPoint.x;
    tp.y = this.arc.hitPoint.y;
    tp.z = this.arc.hitPoint.z;
    if (!street) this.updateGrab(frame, refSpace);
  }

  /** Starts or ends a grab by a hand (pinch) in table-top; see `update` for controllers. */
  handGrab(source: XRInputSource, pressed: boolean): void {
    if (this.scale === 'table') this.trackGrab(source, pressed);
  }

  private walk(x: number, y: number, lift: number, dt: number): void {
    const o = this.origin!;
    const mx = Math.abs(x) > DEADZONE ? x : 0;
    const my = Math.abs(y) > DEADZONE ? y : 0;
    if (mx === 0 && my === 0 && lift === 0) return;
    _headWorld.copy(this.head).applyMatrix4(o.matrixWorld);
    const speed = Math.max(2.5, (_headWorld.y - this.groundY()) * 0.5);
    // forward and right in the world, from the head's heading and the origin's turn
    const yaw = this.headYaw + yawOfOrigin(o);
    _fwd.set(-Math.sin(yaw), 0, -Math.cos(yaw));
    _v.set(-_fwd.z, 0, _fwd.x); // right = forward × up
    o.position.addScaledVector(_fwd, -my * speed * dt).addScaledVector(_v, mx * speed * dt);
    o.position.y = Math.max(this.groundY(), o.position.y + lift * speed * dt);
    o.updateMatrixWorld(true);
    this.publish();
  }

  private snapTurn(x: number): void {
    if (Math.abs(x) < 0.3) this.latch.turn = false;
    if (this.latch.turn || Math.abs(x) < 0.7) return;
    this.latch.turn = true;
    this.turnAboutHead(x > 0 ? -SNAP_TURN : SNAP_TURN);
  }

  /** Turns the origin about the head by `angle` radians (positive: to the left). */
  turnAboutHead(angle: number): void {
    const o = this.origin!;
    _headWorld.copy(this.head).applyMatrix4(o.matrixWorld);
    _quat.setFromAxisAngle(_up, angle);
    o.position.sub(_headWorld).applyQuaternion(_quat).add(_headWorld);
    o.quaternion.premultiply(_quat);
    o.updateMatrixWorld(true);
    this.publish();
  }

  private aim(frame: XRFrame, source: XRInputSource, refSpace: XRReferenceSpace): void {
    if (!rayFromSpace(frame, source.targetRaySpace, refSpace, this.origin!, _raycaster)) return;
    const s = this.origin!.scale.x;
    const ground = this.groundY();
    const planeY = ground - GROUND_PLANE_CLEARANCE;
    castArc(_raycaster.ray.origin, _raycaster.ray.direction, ARC_SPEED * s, ARC_GRAVITY * s, (a, b, point, normal) => {
      _v.subVectors(b, a);
      const len = _v.length();
      _raycaster.ray.origin.copy(a);
      _raycaster.ray.direction.copy(_v).divideScalar(len || 1);
      _raycaster.far = len;
      return castLayers(this.deps.engine, _raycaster, planeY, point, normal);
    }, this.arc);
    _raycaster.far = Infinity;
    this.arcValid = this.arc.hit && isTeleportTarget(this.arc.hitKind, this.arc.hitPoint, this.arc.hitNormal, ground);
  }

  /** Moves the feet to the arc's end, keeping the heading. */
  teleport(): void {
    const o = this.origin!;
    this.placeStreet(this.arc.hitPoint, this.headYaw + yawOfOrigin(o));
    this.arcValid = false;
  }

  private toggleScale(frame: XRFrame, source: XRInputSource, refSpace: XRReferenceSpace): void {
    if (this.scale === 'table' && rayFromSpace(frame, source.targetRaySpace, refSpace, this.origin!, _raycaster)) {
      if (castLayers(this.deps.engine, _raycaster, this.groundY() - GROUND_PLANE_CLEARANCE, _point, _normal)) {
        this.pointed.copy(_point);
        this.hasPointed = true;
      }
    }
    this.deps.xr.view.setState({ scale: this.scale === 'table' ? 'street' : 'table' });
  }

  /** Remembers a world point the user picked (street level resumes there from table-top). */
  notePointed(point: Vector3): void {
    if (this.scale !== 'table') return;
    this.pointed.copy(point);
    this.hasPointed = true;
  }

  private trackGrab(source: XRInputSource, pressed: boolean): void {
    const i = this.grabbers.findIndex((g) => g.source === source);
    if (pressed && i < 0 && this.grabbers.length < 2) {
      this.grabbers.push({ source, yaw: 0 });
      this.grabStart = null; // restart from the current pose with the new set of hands
    } else if (!pressed && i >= 0) {
      this.grabbers.splice(i, 1);
      this.grabStart = null;
    }
  }

  private updateGrab(frame: XRFrame, refSpace: XRReferenceSpace): void {
    if (this.grabbers.length === 0) return;
    _hands.length = 0;
    for (let i = 0; i < this.grabbers.length; i++) {
      const g = this.grabbers[i]!;
      const pose = frame.getPose(g.source.gripSpace ?? g.source.targetRaySpace, refSpace);
      if (!pose) return;
      const p = pose.transform.position;
      const q = pose.transform.orientation;
      const v = i === 0 ? _hand0 : _hand1;
      v.set(p.x, p.y, p.z);
      _hands.push(v);
      _fwd.set(0, 0, -1).applyQuaternion(_quat.set(q.x, q.y, q.z, q.w));
      g.yaw = Math.atan2(-_fwd.x, -_fwd.z);
    }
    if (!this.grabStart) {
      this.grabStart = {
        pose: { position: this.table.position.clone(), yaw: this.table.yaw, size: this.table.size },
        hands: _hands.map((h) => h.clone()),
        handYaw: this.grabbers[0]!.yaw,
      };
      return;
    }
    grabTablePose(this.grabStart, _hands, this.grabbers[0]!.yaw, this.grabPose);
    this.table.position.copy(this.grabPose.position);
    this.table.yaw = this.grabPose.yaw;
    this.table.size = Math.min(0.05, Math.max(1e-5, this.grabPose.size));
    applyTablePose(this.table, this.centre, this.origin!);
    this.publish();
  }
}


/** The origin's turn about +y, radians. */
function yawOfOrigin(o: Object3D): number {
  _fwd.set(0, 0, -1).applyQuaternion(o.quaternion);
  return Math.atan2(-_fwd.x, -_fwd.z);
}
