/**
 * The app's Content-Security-Policy, sent with every answer of the arena (helmet).
 *
 * What the app needs, and nothing more:
 * - scripts: our own modules only, never inline. `'wasm-unsafe-eval'` for the WebAssembly
 *   decoders (Draco, Basis/KTX2, meshopt). `'unsafe-eval'` because three's Basis Universal
 *   transcoder (Emscripten embind) builds its function invokers with `new Function` inside
 *   KTX2Loader's blob worker, and a blob worker runs under the page's policy: without it every
 *   KTX2 texture stays undecoded. Injected markup still cannot run (no `'unsafe-inline'`).
 * - workers: our own (the zoning-plan worker) and `blob:` (three's DRACOLoader and KTX2Loader,
 *   and meshopt's decoder, build their workers from blobs).
 * - connect: our own origin (scenes, tiles, plans, /data/, the XR input profiles, later the
 *   /mqtt and /sync WebSockets, which `'self'` covers), `data:` and `blob:` (glTF buffers and
 *   textures embedded in a file), and the origins the operator allows (`allowedOrigins`).
 * - images: our own, `data:` (the favicon, embedded textures) and `blob:` (textures decoded
 *   from a glb); styles and fonts: our own (React sets element styles through the DOM, which
 *   a policy does not restrict).
 * - never framed by another site (`frame-ancestors 'self'`), no plugins, no `<base>` or form
 *   pointing elsewhere.
 * - violations are reported to `CSP_REPORT_PATH`, where the server logs them.
 */

/** Where browsers send violation reports (POST, `application/csp-report`). */
export const CSP_REPORT_PATH = '/csp-report';

export type CspDirectives = Record<string, string[]>;

/** An origin as a CSP source: scheme, host and port, nothing else ('https://tiles.example:8443'). */
export function cspSource(origin: string): string {
  return new URL(origin).origin;
}

export function appCspDirectives(allowedOrigins: readonly string[] = []): CspDirectives {
  const others = allowedOrigins.map(cspSource);
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'", "'unsafe-eval'"],
    'worker-src': ["'self'", 'blob:'],
    'connect-src': ["'self'", 'data:', 'blob:', ...others],
    'img-src': ["'self'", 'data:', 'blob:', ...others],
    'style-src': ["'self'"],
    'font-src': ["'self'"],
    'media-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'self'"],
    'report-uri': [CSP_REPORT_PATH],
  };
}

/** The header value for a set of directives. */
export function serializeCsp(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');
}
