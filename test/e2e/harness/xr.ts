/**
 * Driving the emulated Meta Quest 3 (`?emulate=quest3`, iwer) from tests: head and controller
 * poses, buttons and sticks, and waiting for XR frames. See STACK-NOTES "Driving an emulated
 * controller". Poses are in the room (XR reference space, metres, y up, −z ahead).
 */
import type { Page } from 'playwright-core';
import type { XRDevice } from 'iwer';

declare global {
  interface Window {
    twinXrEmulator?: XRDevice;
  }
}

/**
 * The window for XR tests (CSS px). iwer draws the session into the page canvas at the window's
 * size, so every XR frame SwiftShader renders costs in proportion to it: the tests run at
 * 800×500, 39 % of the desktop's pixels and the same aspect, as what they check does not depend
 * on the size (narrower than 720 px the phone layout starts, where the timeline covers the
 * Enter VR button). `XR_SCREENSHOTS=1` (pictures for the documentation) keeps 1280×800.
 */
export const XR_TEST_VIEWPORT: { width: number; height: number } | undefined =
  process.env.XR_SCREENSHOTS === '1' ? undefined : { width: 800, height: 500 };

export type Vec3 = [number, number, number];
export type Quat = [number, number, number, number];

/** The rotation taking −z (where a controller's ray and the head look) to the unit direction from `from` to `to`. */
export function lookRotation(from: Vec3, to: Vec3): Quat {
  const d = [to[0] - from[0], to[1] - from[1], to[2] - from[2]];
  const len = Math.hypot(d[0]!, d[1]!, d[2]!);
  const b = d.map((x) => x / len) as Vec3;
  const a: Vec3 = [0, 0, -1];
  const dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  if (dot < -0.999999) return [0, 1, 0, 0]; // straight behind: half turn about y
  const c = [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
  const q: Quat = [c[0]!, c[1]!, c[2]!, 1 + dot];
  const n = Math.hypot(...q);
  return q.map((x) => x / n) as Quat;
}

/** Resolves once `count` more XR frames (with a viewer pose) have been rendered. */
export async function xrFrames(page: Page, count: number, timeoutMs = 60_000): Promise<void> {
  const start = await page.evaluate(() => window.twin.xr().frames);
  await page.waitForFunction((target) => window.twin.xr().frames >= target, start + count, { timeout: timeoutMs, polling: 50 });
}

export async function setHead(page: Page, position: Vec3, rotation: Quat = [0, 0, 0, 1]): Promise<void> {
  await page.evaluate(
    ([p, q]) => {
      const d = window.twinXrEmulator!;
      d.position.set(p[0], p[1], p[2]);
      d.quaternion.set(q[0], q[1], q[2], q[3]);
    },
    [position, rotation] as const,
  );
}

export async function setController(page: Page, hand: 'left' | 'right', position: Vec3, rotation: Quat): Promise<void> {
  await page.evaluate(
    ([h, p, q]) => {
      const c = window.twinXrEmulator!.controllers[h]!;
      c.position.set(p[0], p[1], p[2]);
      c.quaternion.set(q[0], q[1], q[2], q[3]);
    },
    [hand, position, rotation] as const,
  );
}

/** Points a controller from `position` at the room point `target`. */
export function aimController(page: Page, hand: 'left' | 'right', position: Vec3, target: Vec3): Promise<void> {
  return setController(page, hand, position, lookRotation(position, target));
}

export async function setButton(page: Page, hand: 'left' | 'right', button: string, value: number): Promise<void> {
  await page.evaluate(([h, b, v]) => window.twinXrEmulator!.controllers[h]!.updateButtonValue(b, v), [hand, button, value] as const);
}

export async function setStick(page: Page, hand: 'left' | 'right', x: number, y: number): Promise<void> {
  await page.evaluate(([h, sx, sy]) => window.twinXrEmulator!.controllers[h]!.updateAxes('thumbstick', sx, sy), [hand, x, y] as const);
}

/** Presses and releases a button, each held for `frames` XR frames (so the session sees both). */
export async function pressButton(page: Page, hand: 'left' | 'right', button: string, frames = 2): Promise<void> {
  await setButton(page, hand, button, 1);
  await xrFrames(page, frames);
  await setButton(page, hand, button, 0);
  await xrFrames(page, frames);
}
