/**
 * Which immersive sessions this browser can start, asked before any XR code is loaded: the
 * app loads `src/xr` (and @react-three/xr) only where one is supported, so desktop and kiosk
 * pages do not carry it. No imports: this file stays in the initial bundle.
 */
export interface XrSupport {
  vr: boolean;
  ar: boolean;
}

export async function detectXrSupport(): Promise<XrSupport> {
  const xr = typeof navigator === 'undefined' ? undefined : navigator.xr;
  if (!xr) return { vr: false, ar: false };
  const [vr, ar] = await Promise.all([
    xr.isSessionSupported('immersive-vr').catch(() => false),
    xr.isSessionSupported('immersive-ar').catch(() => false),
  ]);
  return { vr, ar };
}
