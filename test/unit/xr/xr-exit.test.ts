/**
 * Leaving XR when the session refuses to end: `exit()` settles (never hangs), says why in the
 * view state, and the menu's exit action handles the rejection instead of leaving it uncaught.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createXrRuntime, type XrRuntime } from '../../../src/xr/xr-runtime';
import { runMenuAction } from '../../../src/xr/menu/run-action';
import { createRuntime } from '../../../src/engine/runtime';
import type { XrNavigator } from '../../../src/xr/xr-navigator';

let xr: XrRuntime | null = null;

function runtimeWithSession(end: () => Promise<void>): XrRuntime {
  xr = createXrRuntime({ baseAssetPath: 'https://twin.example/xr-profiles/', support: { vr: true, ar: false } });
  const session = { end, addEventListener() {}, removeEventListener() {} } as unknown as XRSession;
  xr.store.setState({ session, mode: 'immersive-vr' });
  return xr;
}

/** The outcome of a promise within `ms`, or 'pending'. */
function outcome(p: Promise<unknown>, ms = 200): Promise<string> {
  return Promise.race([p.then(() => 'resolved', (e: Error) => `rejected: ${e.message}`), new Promise<string>((r) => setTimeout(() => r('pending'), ms))]);
}

afterEach(() => {
  xr?.dispose();
  xr = null;
});

describe('XR runtime: exit', () => {
  it('should reject with the reason and show it when the session cannot be ended', async () => {
    const rt = runtimeWithSession(() => Promise.reject(new DOMException('The session is busy', 'InvalidStateError')));
    expect(await outcome(rt.exit())).toBe('rejected: exitXR: the session could not be ended (The session is busy)');
    expect(rt.view.getState().error).toBe('The session could not be ended (The session is busy)');
  });

  it('should resolve when ending fails because the session has ended meanwhile', async () => {
    const rt = runtimeWithSession(() => {
      rt.store.setState({ session: undefined });
      return Promise.reject(new DOMException('The session has already ended', 'InvalidStateError'));
    });
    expect(await outcome(rt.exit())).toBe('resolved');
    expect(rt.view.getState().error).toBeNull();
  });

  it('should handle a failed exit from the menu: no uncaught rejection, the reason in the view state', async () => {
    const rt = runtimeWithSession(() => Promise.reject(new Error('the headset stopped answering')));
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      runMenuAction({ type: 'exit' }, createRuntime(), rt, {} as XrNavigator);
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
    expect(rt.view.getState().error).toMatch(/the headset stopped answering/);
  });
});
