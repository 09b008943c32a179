/**
 * Globe-aware camera navigation for desktop, touch and keyboard, in the scene-local frame.
 *
 * Mouse: left-drag orbits around the point under the cursor (or looks around when pointing
 * at the sky), right-drag / shift-drag / middle-drag pans, wheel zooms towards the cursor,
 * double-click zooms in. Touch: one finger orbits, two fingers pan and pinch-zoom,
 * double-tap zooms in. Keyboard: ↑/↓ move, ←/→ turn, Shift+↑/↓ tilt, +/− zoom, Home goes to
 * the start view. Speeds scale with the height above the ground, so the same gestures work
 * at street level and from 5 km up. "Up" is the ellipsoid normal under the pivot.
 */
import { Plane, Ray, Vector2, Vector3, type PerspectiveCamera } from 'three';
import type { Engine } from '../engine';
import { applyGeoView, localEnuAxes, readGeoView, type GeoView } from '../camera-pose';
import { dolly, look, moveHorizontally, orbit, panToKeepUnder } from './camera-moves';
import { createFlight, flightDuration, flightViewAt, type Flight } from './fly-to';
import { pickSurface } from './surface-pick';

export interface NavigationOptions {
  /** Ground height of the scene above the ellipsoid, metres (fallback surface). */
  groundHeight(): number;
  /** Called for the Home key. */
  onHome(): void;
  /** Called when a flight or gesture changes the camera. */
  onChange?(): void;
}

type Mode = 'none' | 'orbit' | 'look' | 'pan' | 'touch-orbit' | 'touch-two';

/** Metres above the ground the camera never goes below. */
const MIN_CLEARANCE = 1.5;
/** Highest camera height above the ground, metres. */
const MAX_ALTITUDE = 60_000;
const ROTATE_SPEED = Math.PI; // radians per element height dragged
/** Longest press that counts as a tap, ms. */
const TAP_MS = 350;
/** Longest gap between two taps of a double tap, ms. */
const DOUBLE_TAP_MS = 320;
const DOUBLE_TAP_PX = 30;
const NAV_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', '+', '=', '-', '_', 'Home']);

const _ray = new Ray();
const _ndc = new Vector2();
const _up = new Vector3();
const _e = new Vector3();
const _n = new Vector3();
const _target = new Vector3();
const _view: GeoView = { lon: 0, lat: 0, height: 0, heading: 0, pitch: 0, fov: 50 };
const _geo: [number, number, number] = [0, 0, 0];

export class CameraController {
  enabled = true;
  private mode: Mode = 'none';
  private readonly pivot = new Vector3();
  private readonly pivotUp = new Vector3();
  private readonly panPlane = new Plane();
  private readonly pointers = new Map<number, { x: number; y: number }>();
  private last = { x: 0, y: 0 };
  private lastPinch = 0;
  private lastTap = { t: -Infinity, x: 0, y: 0 };
  private downAt = { t: 0, x: 0, y: 0 };
  private flight: Flight | null = null;
  private lastPointerType = 'mouse';
  private readonly cleanup: (() => void)[] = [];

  constructor(
    private readonly engine: Engine,
    private readonly camera: PerspectiveCamera,
    private readonly dom: HTMLElement,
    private readonly options: NavigationOptions,
  ) {
    dom.style.touchAction = 'none';
    if (!dom.hasAttribute('tabindex')) dom.tabIndex = 0;
    this.listen(dom, 'pointerdown', this.onPointerDown as EventListener);
    this.listen(window, 'pointermove', this.onPointerMove as EventListener);
    this.listen(window, 'pointerup', this.onPointerUp as EventListener);
    this.listen(window, 'pointercancel', this.onPointerUp as EventListener);
    this.listen(dom, 'wheel', this.onWheel as EventListener, { passive: false });
    this.listen(dom, 'dblclick', this.onDoubleClick as EventListener);
    this.listen(dom, 'contextmenu', (e) => e.preventDefault());
    this.listen(window, 'keydown', this.onKeyDown as EventListener);
  }

  private listen(target: EventTarget, type: string, fn: EventListener, opts?: AddEventListenerOptions): void {
    target.addEventListener(type, fn, opts);
    this.cleanup.push(() => target.removeEventListener(type, fn, opts));
  }

  dispose(): void {
    this.cancelFlight();
    this.cleanup.forEach((fn) => fn());
    this.cleanup.length = 0;
  }

  /** `true` while a flight animation is running. */
  get flying(): boolean {
    return this.flight !== null;
  }

  /**
   * Moves the camera to `view`, animated over `durationMs` (default: by distance; 0 jumps).
   * Resolves `true` on arrival, `false` if interrupted by the user or another flight.
   */
  flyTo(view: Omit<GeoView, 'fov'> & { fov?: number }, durationMs?: number): Promise<boolean> {
    this.cancelFlight();
    const from = { ...readGeoView(this.camera, this.engine.frame) };
    const to: GeoView = { ...view, fov: view.fov ?? this.camera.fov };
    const duration = durationMs ?? flightDuration(from, to);
    if (duration <= 0) {
      applyGeoView(this.camera, this.engine.frame, to);
      this.options.onChange?.();
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      this.flight = createFlight(from, to, performance.now(), duration, resolve);
    });
  }

  cancelFlight(): void {
    const f = this.flight;
    this.flight = null;
    f?.done(false);
  }

  /** Advances a running flight; call once per frame. */
  update(nowMs: number): void {
    const f = this.flight;
    if (!f) return;
    const arrived = flightViewAt(f, nowMs, _view);
    applyGeoView(this.camera, this.engine.frame, _view);
    this.options.onChange?.();
    if (arrived) {
      this.flight = null;
      f.done(true);
    }
  }

  // --- helpers -------------------------------------------------------------------------

  private rayAt(clientX: number, clientY: number): Ray {
    const rect = this.dom.getBoundingClientRect();
    _ndc.set(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
    this.camera.updateMatrixWorld();
    _ray.origin.setFromMatrixPosition(this.camera.matrixWorld);
    _ray.direction.set(_ndc.x, _ndc.y, 0.5).unproject(this.camera).sub(_ray.origin).normalize();
    return _ray;
  }

  /** Geodetic up (scene-local) at a scene-local point. */
  private upAt(point: Vector3, out: Vector3): Vector3 {
    const [lon, lat] = this.engine.frame.toGeodetic(point.x, point.y, point.z, _geo);
    localEnuAxes(this.engine.frame, lon, lat, _e, _n, out);
    return out;
  }

  private heightAboveGround(): number {
    const p = this.camera.position;
    return this.engine.frame.toGeodetic(p.x, p.y, p.z, _geo)[2] - this.options.groundHeight();
  }

  /** Keeps the camera between MIN_CLEARANCE and MAX_ALTITUDE above the ground. */
  private clampAltitude(): void {
    const h = this.heightAboveGround();
    const p = this.camera.position;
    if (h >= MIN_CLEARANCE && h <= MAX_ALTITUDE) return;
    this.upAt(p, _up);
    const fix = h < MIN_CLEARANCE ? MIN_CLEARANCE - h : MAX_ALTITUDE - h;
    p.addScaledVector(_up, fix);
    this.camera.updateMatrixWorld();
  }

  private grabPivot(clientX: number, clientY: number): boolean {
    const ray = this.rayAt(clientX, clientY);
    if (!pickSurface(this.engine, ray, this.options.groundHeight(), this.pivot)) return false;
    this.upAt(this.pivot, this.pivotUp);
    this.panPlane.setFromNormalAndCoplanarPoint(this.pivotUp, this.pivot);
    return true;
  }

  private zoomAt(clientX: number, clientY: number, factor: number): void {
    const ray = this.rayAt(clientX, clientY);
    if (!pickSurface(this.engine, ray, this.options.groundHeight(), _target)) {
      ray.at(Math.max(10, this.heightAboveGround()) * 2, _target);
    }
    // never zoom out beyond the altitude ceiling
    dolly(this.camera, _target, factor, 2);
    this.clampAltitude();
    this.options.onChange?.();
  }

  private interrupt(): void {
    this.cancelFlight();
  }

  // --- pointer ---------------------------------------------------------------------------

  private onPointerDown = (e: PointerEvent): void => {
    if (!this.enabled) return;
    this.interrupt();
    this.dom.focus({ preventScroll: true });
    this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    this.dom.setPointerCapture?.(e.pointerId);
    // event time, not handling time: slow frames must not turn a quick tap into a long press
    this.downAt = { t: e.timeStamp, x: e.clientX, y: e.clientY };
    this.lastPointerType = e.pointerType;
    if (e.pointerType === 'touch') {
      this.beginTouch();
      return;
    }
    this.last = { x: e.clientX, y: e.clientY };
    const wantsPan = e.button === 2 || e.button === 1 || (e.button === 0 && e.shiftKey);
    const hasPivot = this.grabPivot(e.clientX, e.clientY);
    if (wantsPan) this.mode = hasPivot ? 'pan' : 'none';
    else if (e.button === 0) this.mode = hasPivot ? 'orbit' : 'look';
  };

  private beginTouch(): void {
    const pts = [...this.pointers.values()];
    if (pts.length === 1) {
      const p = pts[0]!;
      this.last = { x: p.x, y: p.y };
      this.mode = this.grabPivot(p.x, p.y) ? 'touch-orbit' : 'none';
    } else if (pts.length === 2) {
      const c = centroid(pts);
      this.last = c;
      this.lastPinch = spread(pts);
      this.mode = this.grabPivot(c.x, c.y) ? 'touch-two' : 'none';
    } else this.mode = 'none';
  }

  private onPointerMove = (e: PointerEvent): void => {
    if (!this.enabled || !this.pointers.has(e.pointerId)) return;
    this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    const h = this.dom.clientHeight || 1;
    switch (this.mode) {
      case 'orbit':
      case 'touch-orbit': {
        const dx = e.clientX - this.last.x;
        const dy = e.clientY - this.last.y;
        orbit(this.camera, this.pivot, this.pivotUp, (dx / h) * ROTATE_SPEED, (-dy / h) * ROTATE_SPEED);
        this.last = { x: e.clientX, y: e.clientY };
        break;
      }
      case 'look': {
        this.upAt(this.camera.position, _up);
        const dx = e.clientX - this.last.x;
        const dy = e.clientY - this.last.y;
        look(this.camera, _up, (-dx / h) * this.camera.fov * (Math.PI / 180), (dy / h) * this.camera.fov * (Math.PI / 180));
        this.last = { x: e.clientX, y: e.clientY };
        break;
      }
      case 'pan': {
        const ray = this.rayAt(e.clientX, e.clientY);
        panToKeepUnder(this.camera, this.pivot, this.panPlane, ray, this.camera.position.distanceTo(this.pivot) * 20);
        break;
      }
      case 'touch-two': {
        const pts = [...this.pointers.values()];
        if (pts.length !== 2) break;
        const c = centroid(pts);
        const ray = this.rayAt(c.x, c.y);
        panToKeepUnder(this.camera, this.pivot, this.panPlane, ray, this.camera.position.distanceTo(this.pivot) * 20);
        const s = spread(pts);
        if (this.lastPinch > 0 && s > 0) dolly(this.camera, this.pivot, this.lastPinch / s, 2);
        this.lastPinch = s;
        this.last = c;
        break;
      }
      default:
        return;
    }
    this.clampAltitude();
    this.options.onChange?.();
  };

  private onPointerUp = (e: PointerEvent): void => {
    if (!this.pointers.delete(e.pointerId)) return;
    this.dom.releasePointerCapture?.(e.pointerId);
    if (e.pointerType === 'touch') {
      this.detectDoubleTap(e);
      if (this.pointers.size > 0) this.beginTouch();
      else this.mode = 'none';
      return;
    }
    if (this.pointers.size === 0) this.mode = 'none';
  };

  private detectDoubleTap(e: PointerEvent): void {
    const now = e.timeStamp;
    const moved = Math.hypot(e.clientX - this.downAt.x, e.clientY - this.downAt.y);
    if (this.pointers.size > 0 || moved > DOUBLE_TAP_PX || now - this.downAt.t > TAP_MS) return;
    // the gap between lifting the first finger and touching again, not the whole gesture
    const near = Math.hypot(e.clientX - this.lastTap.x, e.clientY - this.lastTap.y) < DOUBLE_TAP_PX;
    if (this.downAt.t - this.lastTap.t < DOUBLE_TAP_MS && near) {
      this.lastTap = { t: -Infinity, x: 0, y: 0 };
      this.zoomAt(e.clientX, e.clientY, 0.5);
    } else this.lastTap = { t: now, x: e.clientX, y: e.clientY };
  }

  private onWheel = (e: WheelEvent): void => {
    if (!this.enabled) return;
    e.preventDefault();
    this.interrupt();
    const pixels = e.deltaMode === 1 ? e.deltaY * 40 : e.deltaMode === 2 ? e.deltaY * 800 : e.deltaY;
    const factor = Math.exp(Math.max(-1, Math.min(1, pixels * 0.002)));
    this.zoomAt(e.clientX, e.clientY, factor);
  };

  private onDoubleClick = (e: MouseEvent): void => {
    // touch double taps are handled from pointer events; browsers may add a dblclick too
    if (!this.enabled || this.lastPointerType === 'touch') return;
    this.zoomAt(e.clientX, e.clientY, 0.5);
  };

  // --- keyboard --------------------------------------------------------------------------

  private onKeyDown = (e: KeyboardEvent): void => {
    if (!this.enabled || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const t = e.target as HTMLElement | null;
    if (t && t !== this.dom && t !== document.body && t.closest('input, textarea, select, [contenteditable="true"], button, [role="listbox"], [role="menu"]')) return;
    if (!NAV_KEYS.has(e.key)) return;
    e.preventDefault();
    this.interrupt();
    const rect = this.dom.getBoundingClientRect();
    const cx = rect.left + rect.width / 2;
    const cy = rect.top + rect.height / 2;
    const step = Math.max(2, this.heightAboveGround() * 0.15);
    const turn = (7.5 * Math.PI) / 180;
    this.upAt(this.camera.position, _up);
    switch (e.key) {
      case 'ArrowUp':
      case 'ArrowDown': {
        const sign = e.key === 'ArrowUp' ? 1 : -1;
        if (e.shiftKey) {
          if (this.grabPivot(cx, cy)) orbit(this.camera, this.pivot, this.pivotUp, 0, sign * turn);
        } else moveHorizontally(this.camera, _up, sign * step, 0);
        break;
      }
      case 'ArrowLeft':
      case 'ArrowRight': {
        const sign = e.key === 'ArrowRight' ? 1 : -1;
        if (this.grabPivot(cx, cy)) orbit(this.camera, this.pivot, this.pivotUp, sign * turn, 0);
        else look(this.camera, _up, sign * turn, 0);
        break;
      }
      case '+':
      case '=':
        this.zoomAt(cx, cy, 0.75);
        break;
      case '-':
      case '_':
        this.zoomAt(cx, cy, 1 / 0.75);
        break;
      case 'Home':
        this.options.onHome();
        break;
    }
    this.clampAltitude();
    this.options.onChange?.();
  };
}

function centroid(pts: { x: number; y: number }[]): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (const p of pts) {
    x += p.x;
    y += p.y;
  }
  return { x: x / pts.length, y: y / pts.length };
}

function spread(pts: { x: number; y: number }[]): number {
  const [a, b] = pts;
  return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
}
