/**
 * Vite plugin: extra static folders that live outside `public/`.
 *
 *   <repo>/tiles/                                   → /tiles/          (generated demo tilesets)
 *   node_modules/three/examples/jsm/libs/draco/     → /decoders/draco/ (draco_decoder.js/.wasm, draco_wasm_wrapper.js, gltf/)
 *   node_modules/three/examples/jsm/libs/basis/     → /decoders/basis/ (basis_transcoder.js/.wasm)
 *   node_modules/@webxr-input-profiles/assets/dist/profiles/ → /xr-profiles/ (the JSON only, ~0.5 MB:
 *                                                   controller layouts for @react-three/xr, no models)
 *
 * Dev (`vite`): served by a middleware (@fastify/send, as the production server's @fastify/static,
 * with the same MIME types: 404 for missing files, never index.html). Build: copied into the output folder, then
 * `<outDir>/.build-stamp.json` is written as the very last step (see ./staleness).
 * The app loads decoders from these local paths, so it works offline (no CDN).
 *
 * three's DRACOLoader/KTX2Loader also carry default decoder URLs (`new URL('../libs/draco/…',
 * import.meta.url)`), which would make Vite emit a second, hashed copy of every decoder into
 * assets/ (~1.9 MB, never fetched when the app sets its decoder paths). The `transform` hook
 * points those defaults at the /decoders/ copies instead (resolved against the page's base URL).
 */

import { cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import send from '@fastify/send';
import type { Plugin, ResolvedConfig } from 'vite';
import { STAMP_FILE } from './staleness.ts';
import { mimeType } from './static/mime.ts';

export interface StaticMount {
  /** URL prefix without trailing slash, e.g. '/tiles'. */
  url: string;
  /** Absolute source folder. */
  dir: string;
  /** Whether the folder must exist (the build fails if it does not). */
  required: boolean;
  /** Only files whose names match are served and copied (folders are always walked). */
  only?: RegExp;
}

/** Files never served or copied from the mounts (docs shipped next to the decoders). */
const SKIP = new Set(['README.md', '.DS_Store']);

export function staticMounts(repoRoot: string): StaticMount[] {
  const threeLibs = join(repoRoot, 'node_modules', 'three', 'examples', 'jsm', 'libs');
  return [
    { url: '/tiles', dir: join(repoRoot, 'tiles'), required: false },
    { url: '/decoders/draco', dir: join(threeLibs, 'draco'), required: true },
    { url: '/decoders/basis', dir: join(threeLibs, 'basis'), required: true },
    { url: '/xr-profiles', dir: join(repoRoot, 'node_modules', '@webxr-input-profiles', 'assets', 'dist', 'profiles'), required: true, only: /\.json$/ },
  ];
}

function copyMount(m: StaticMount, outDir: string): number {
  const dest = join(outDir, ...m.url.split('/').filter(Boolean));
  mkdirSync(dest, { recursive: true });
  if (!existsSync(m.dir)) {
    if (m.required) throw new Error(`[twin-static] missing ${m.dir} (is three installed?)`);
    return 0;
  }
  let count = 0;
  for (const name of readdirSync(m.dir)) {
    if (SKIP.has(name)) continue;
    if (m.only && !m.only.test(name) && !statSync(join(m.dir, name)).isDirectory()) continue;
    cpSync(join(m.dir, name), join(dest, name), {
      recursive: true,
      dereference: true,
      filter: (src) => {
        const skip = SKIP.has(basename(src)) || (m.only !== undefined && !m.only.test(src) && !statSync(src).isDirectory());
        if (!skip) count++;
        return !skip;
      },
    });
  }
  return count;
}

const THREE_LOADER_RE = /[\\/]three[\\/]examples[\\/]jsm[\\/]loaders[\\/](?:DRACOLoader|KTX2Loader)\.js$/;
const DEFAULT_DECODER_URL_RE = /new URL\(\s*(['"])\.\.\/libs\/(draco|basis)\/([\w./-]+)\1\s*,\s*import\.meta\.url\s*\)/g;

/** Rewrites three's default decoder URLs to the app's /decoders/ folder (exported for tests). */
export function rewriteDecoderUrls(code: string): { code: string; count: number } {
  let count = 0;
  const out = code.replace(DEFAULT_DECODER_URL_RE, (_m, _q: string, lib: string, file: string) => {
    count++;
    return `new URL(${JSON.stringify(`decoders/${lib}/${file}`)}, globalThis.document?.baseURI ?? import.meta.url)`;
  });
  return { code: out, count };
}

export function twinStaticPlugin(options: { repoRoot?: string; version?: string } = {}): Plugin {
  let config: ResolvedConfig | undefined;
  let mounts: StaticMount[] = [];

  return {
    name: 'twin-static',

    configResolved(resolved) {
      config = resolved;
      mounts = staticMounts(options.repoRoot ?? resolved.root);
    },

    transform: {
      filter: { id: THREE_LOADER_RE },
      handler(code, id) {
        if (!THREE_LOADER_RE.test(id)) return null;
        const { code: out, count } = rewriteDecoderUrls(code);
        if (count === 0) {
          this.warn(`[twin-static] no default decoder URLs found in ${id} (three changed?); decoders may be emitted twice`);
          return null;
        }
        return { code: out, map: null };
      },
    },

    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const pathname = (req.url ?? '/').split('?')[0]!;
        const mount = mounts.find((m) => pathname === m.url || pathname.startsWith(`${m.url}/`));
        if (!mount) {
          next();
          return;
        }
        const subpath = pathname.slice(mount.url.length) || '/';
        const file = subpath.split('/').pop() ?? '';
        if (SKIP.has(file) || (mount.only && !mount.only.test(file))) {
          notFound(res);
          return;
        }
        serveFile(req, res, mount.dir, subpath).catch(next);
      });
    },

    writeBundle: {
      sequential: true,
      order: 'post',
      handler() {
        if (!config) return;
        const outDir = resolve(config.root, config.build.outDir);
        for (const m of mounts) {
          const n = copyMount(m, outDir);
          config.logger.info(`[twin-static] ${m.url}/ ← ${m.dir} (${n} files and folders)`);
        }
        writeFileSync(
          join(outDir, STAMP_FILE),
          `${JSON.stringify({ version: options.version ?? null, builtAt: new Date().toISOString() }, null, 2)}\n`,
        );
      },
    },
  };
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end('Not found\n');
}

/** One file of a mount for the dev server (GET/HEAD, ranges, ETag), or a 404. */
async function serveFile(req: IncomingMessage, res: ServerResponse, root: string, subpath: string): Promise<void> {
  const { statusCode, headers, stream, type, metadata } = await send(req, subpath, { root, dotfiles: 'ignore', index: false });
  if (type !== 'file') {
    stream.destroy();
    notFound(res);
    return;
  }
  res.writeHead(statusCode, {
    ...headers,
    'Content-Type': mimeType(metadata.path),
    'Cache-Control': 'no-cache',
    'Access-Control-Allow-Origin': '*',
    'X-Content-Type-Options': 'nosniff',
  });
  stream.pipe(res);
}
