/**
 * Table-top mode as a transform of the XR origin. The district (world point `centre`, scene
 * frame, metres) is shown as a model `size` metres per world metre, standing on a table whose
 * top centre is `position` in the user's room (reference space, metres, y up) and turned by
 * `yaw` (radians, about +y). Then room = position + R(yaw)·size·(world − centre), and the XR
 * origin (room → world) is its inverse: T(centre)·R(−yaw)·S(1/size)·T(−position).
 */
import { Quaternion, Vector3, type Object3D } from 'three';

export interface TablePose {
  /** Table-top centre in the room (reference space), metres. */
  position: Vector3;
  /** Turn of the model about the vertical, radians. */
  yaw: number;
  /** Model metres per world metre (e.g. 1.5 m / 1400 m ≈ 0.00107). */
  size: number;
}

/** A hand (controller grip or hand) position in the room, metres. */
export type HandPoint = Vector3;

const _up = new Vector3(0, 1, 0);
const _v = new Vector3();
const _q = new Quaternion();

/** Model size (metres per world metre) that shows a district `worldWidth` metres wide `tableWidth` metres wide. */
export function tableSizeFor(worldWidth: number, tableWidth = 1.5): number {
  return worldWidth > 0 ? tableWidth / worldWidth : 1;
}

/** Writes the XR origin transform for `pose` around the world point `centre` into `origin`. */
export function applyTablePose(pose: TablePose, centre: Vector3, origin: Object3D): void {
  const inv = 1 / pose.size;
  origin.quaternion.setFromAxisAngle(_up, -pose.yaw);
  origin.scale.setScalar(inv);
  // position = centre − (1/size)·R(−yaw)·pose.position
  _v.copy(pose.position).applyQuaternion(origin.quaternion).multiplyScalar(inv);
  origin.position.copy(centre).sub(_v);
  origin.updateMatrixWorld(true);
}

/** Room point where the world point `world` appears under `pose` (metres). */
export function roomPointOf(pose: TablePose, centre: Vector3, world: Vector3, out: Vector3): Vector3 {
  _q.setFromAxisAngle(_up, pose.yaw);
  return out.copy(world).sub(centre).multiplyScalar(pose.size).applyQuaternion(_q).add(pose.position);
}

/** Heading of a horizontal vector in the room, radians about +y (0 along −z). */
function yawOf(dx: number, dz: number): number {
  return Math.atan2(-dx, -dz);
}

/** What a grab started from: the pose then and where the hands were. */
export interface GrabStart {
  pose: TablePose;
  /** One hand: its position and heading (radians) at grab start. Two hands: both positions. */
  hands: HandPoint[];
  /** Heading of the single grabbing hand at grab start, radians (ignored for two hands). */
  handYaw: number;
}

/**
 * The table pose during a grab. One hand moves and turns the model with the hand (the model
 * turns about the hand by the hand's change of heading). Two hands move it with their
 * midpoint, turn it with the line between them and scale it with their distance.
 */
export function grabTablePose(start: GrabStart, hands: readonly HandPoint[], handYaw: number, out: TablePose): TablePose {
  const s = start.pose;
  if (hands.length >= 2 && start.hands.length >= 2) {
    const a0 = start.hands[0]!;
    const b0 = start.hands[1]!;
    const a = hands[0]!;
    const b = hands[1]!;
    const d0 = Math.hypot(b0.x - a0.x, b0.z - a0.z);
    const d = Math.hypot(b.x - a.x, b.z - a.z);
    const ratio = d0 > 1e-3 && d > 1e-3 ? d / d0 : 1;
    const turn = d0 > 1e-3 && d > 1e-3 ? yawOf(b.x - a.x, b.z - a.z) - yawOf(b0.x - a0.x, b0.z - a0.z) : 0;
    const m0x = (a0.x + b0.x) / 2;
    const m0y = (a0.y + b0.y) / 2;
    const m0z = (a0.z + b0.z) / 2;
    _q.setFromAxisAngle(_up, turn);
    _v.set(s.position.x - m0x, 0, s.position.z - m0z).applyQuaternion(_q).multiplyScalar(ratio);
    out.position.set((a.x + b.x) / 2 + _v.x, s.position.y + (a.y + b.y) / 2 - m0y, (a.z + b.z) / 2 + _v.z);
    out.yaw = s.yaw + turn;
    out.size = s.size * ratio;
    return out;
  }
  const h0 = start.hands[0]!;
  const h = hands[0]!;
  const turn = handYaw - start.handYaw;
  _q.setFromAxisAngle(_up, turn);
  _v.copy(s.position).sub(h0).applyQuaternion(_q);
  out.position.copy(h).add(_v);
  out.yaw = s.yaw + turn;
  out.size = s.size;
  return out;
}
