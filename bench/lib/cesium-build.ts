/**
 * Builds the CesiumJS baseline page (bench/cesium/) with Vite into bench-results/cesium-dist/,
 * served at /cesium/, and copies Cesium's prebuilt Workers, ThirdParty, Assets and Widgets next to
 * it (CESIUM_BASE_URL = /cesium/). Cached: rebuilt only when the page, Cesium or Vite changes.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { appCspDirectives, serializeCsp } from '../../tools/server/security/csp.ts';
import { REPO_ROOT } from '../../tools/server/staleness.ts';
import { dirBytes } from './bundle.ts';

export const CESIUM_MOUNT = '/cesium';
export const CESIUM_PAGE_DIR = join(REPO_ROOT, 'bench', 'cesium');
export const CESIUM_DIST = join(REPO_ROOT, 'bench-results', 'cesium-dist');
/**
 * The Cesium page's own Content-Security-Policy: the app's, plus inline styles, which the page's
 * index.html and Cesium's widget code use. The page is a benchmark baseline, never part of the app.
 */
export const CESIUM_CSP = serializeCsp({ ...appCspDirectives(), 'style-src': ["'self'", "'unsafe-inline'"] });
/** The prebuilt static folders Cesium loads at runtime from CESIUM_BASE_URL. */
export const CESIUM_STATIC_DIRS = ['Workers', 'ThirdParty', 'Assets', 'Widgets'] as const;
const STAMP = 'bench-stamp.json';

const require = createRequire(import.meta.url);

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The folder holding Cesium's prebuilt Workers/ThirdParty/Assets/Widgets. */
export function cesiumBuildDir(): string {
  return join(dirname(require.resolve('cesium/package.json', { paths: [REPO_ROOT] })), 'Build', 'Cesium');
}

function inputsKey(): string {
  const h = createHash('sha256');
  h.update(`cesium ${packageVersion('cesium')} vite ${packageVersion('vite')}\n`);
  for (const name of readdirSync(CESIUM_PAGE_DIR).sort()) h.update(`${name}\n`).update(readFileSync(join(CESIUM_PAGE_DIR, name)));
  h.update(readFileSync(new URL(import.meta.url)));
  return h.digest('hex');
}

export interface CesiumBuild {
  dir: string;
  cesiumVersion: string;
  /** Bytes of the copied Workers/ThirdParty/Assets/Widgets. */
  staticAssetsBytes: number;
  built: boolean;
}

export async function ensureCesiumBuilt(log: (m: string) => void): Promise<CesiumBuild> {
  const key = inputsKey();
  const stampPath = join(CESIUM_DIST, STAMP);
  const cesiumVersion = packageVersion('cesium');
  const staticBytes = () => CESIUM_STATIC_DIRS.reduce((s, d) => s + dirBytes(join(CESIUM_DIST, d)), 0);
  if (existsSync(stampPath) && existsSync(join(CESIUM_DIST, 'index.html'))) {
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8')) as { key?: string };
    if (stamp.key === key) return { dir: CESIUM_DIST, cesiumVersion, staticAssetsBytes: staticBytes(), built: false };
  }
  log(`[bench] building the CesiumJS ${cesiumVersion} page into ${CESIUM_DIST} …`);
  const t0 = performance.now();
  rmSync(CESIUM_DIST, { recursive: true, force: true });
  const { build } = await import('vite');
  await build({
    root: CESIUM_PAGE_DIR,
    base: `${CESIUM_MOUNT}/`,
    configFile: false,
    envDir: false,
    publicDir: false,
    mode: 'production',
    logLevel: 'warn',
    define: { CESIUM_BASE_URL: JSON.stringify(`${CESIUM_MOUNT}/`) },
    build: {
      outDir: CESIUM_DIST,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 20_000,
    },
  });
  const src = cesiumBuildDir();
  for (const d of CESIUM_STATIC_DIRS) cpSync(join(src, d), join(CESIUM_DIST, d), { recursive: true });
  writeFileSync(stampPath, JSON.stringify({ key, cesiumVersion, builtAt: new Date().toISOString() }, null, 2));
  log(`[bench] CesiumJS page built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { dir: CESIUM_DIST, cesiumVersion, staticAssetsBytes: staticBytes(), built: true };
}
