/**
 * One read-only folder served over HTTP, as a Fastify plugin: `@fastify/static` (Range, ETag,
 * If-None-Match, HEAD, `..` and non-canonical paths refused, dotfiles hidden) with the arena's rules:
 *
 * - Content-Type from ./mime (glTF, 3D Tiles, KTX2, WebAssembly…), never sniffed.
 * - Cache-Control from the caller (`cacheControl`), `no-cache` by default.
 * - The real path of every file (symlinks resolved) must lie inside the real root, so a link in the
 *   folder never leads out of it.
 * - GET and HEAD only: other methods get 405 with `Allow`.
 * - `cors`: public data (`Access-Control-Allow-Origin: *`, `Cross-Origin-Resource-Policy: cross-origin`).
 * - `inert`: the folder holds files the operator did not write (the data folder). Any response is
 *   sandboxed (`Content-Security-Policy: sandbox`), and HTML, SVG and XML are downloads
 *   (`Content-Disposition: attachment`), so nothing in it runs as a page on the app's origin.
 *   Fetching them from the app (tiles, GeoJSON, textures) is unaffected.
 * - Folders are never listed. A folder with an index.html is served at its trailing-slash URL
 *   (`redirectToIndex`: `/docs` → 301 `/docs/`, the Location always a single-slash path).
 *
 * Register it with a prefix: `app.register(staticFolder, { prefix: '/data', root })`.
 */

import { realpath, stat } from 'node:fs/promises';
import { extname, posix, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { sendMethodNotAllowed, sendNotFound } from '../security/errors.ts';
import { mimeType } from './mime.ts';

export interface FolderOptions {
  /** Folder to serve (absolute or relative to the working directory). It may appear later. */
  root: string;
  /** Cache-Control for a file, given its path relative to the root with '/' separators ('assets/x.js'). */
  cacheControl?: (relativePath: string) => string;
  /** Public data: `Access-Control-Allow-Origin: *` on files and 404s. */
  cors?: boolean;
  /** Files from outside the project: sandboxed, and documents (HTML, SVG, XML) as downloads. */
  inert?: boolean;
  /** A Content-Security-Policy of its own for this folder's files (pages that are not the app). */
  contentSecurityPolicy?: string;
  /** `/dir` → 301 `/dir/` when dir has an index.html (otherwise folders are 404s). */
  redirectToIndex?: boolean;
  /** Missing files: what to answer (default: plain 404, with CORS when `cors`). */
  notFound?: (request: FastifyRequest, reply: FastifyReply) => unknown;
}

/** Extensions a browser would render as an active document (scripts included). */
const ACTIVE_DOCUMENTS = new Set(['.html', '.htm', '.xhtml', '.xht', '.shtml', '.svg', '.svgz', '.xml', '.xsl', '.xslt', '.mht', '.mhtml']);

/** What an inert response says if a browser opens it as a page: no scripts, no plugins, no origin. */
export const INERT_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

export function isActiveDocument(filePath: string): boolean {
  return ACTIVE_DOCUMENTS.has(extname(filePath).toLowerCase());
}

const PUBLIC_DATA_HEADERS = { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' } as const;

function notFoundError(): Error & { statusCode: number } {
  return Object.assign(new Error('Not found'), { statusCode: 404 });
}

/** Decoded, canonical path below the prefix ('/docs'), or null when the static plugin would refuse it. */
function canonicalSubpath(url: string, prefix: string): string | null {
  const q = url.indexOf('?');
  const pathname = q === -1 ? url : url.slice(0, q);
  if (!pathname.startsWith(prefix)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return null;
  }
  if (!decoded.startsWith('/')) decoded = `/${decoded}`;
  if (decoded.includes('\\') || decoded.includes('\0') || posix.normalize(decoded) !== decoded) return null;
  if (decoded.split('/').some((s) => s.startsWith('.'))) return null;
  return decoded;
}

/** A Location for a path on this server: one leading slash, whatever the request had. */
export function sameOriginLocation(pathAndQuery: string): string {
  return `/${pathAndQuery.replace(/^[/\\]+/, '')}`;
}

export const staticFolder: FastifyPluginAsync<FolderOptions> = async (app, options) => {
  const root = resolve(options.root);
  const cacheControl = options.cacheControl ?? (() => 'no-cache');
  const corsHeaders = options.cors ? PUBLIC_DATA_HEADERS : null;
  let realRoot: string | null = null;

  /** Throws a 404 unless `file`'s real path is inside the real root. */
  async function checkRealPath(file: string): Promise<void> {
    realRoot ??= await realpath(root);
    const real = await realpath(file);
    if (real !== realRoot && !real.startsWith(realRoot + sep)) throw notFoundError();
  }

  if (options.redirectToIndex) {
    // Before @fastify/static, which would serve dir/index.html at '/dir' (breaking its relative links).
    app.addHook('preHandler', async (request, reply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const prefix = request.routeOptions.url?.replace(/\/?\*$/, '') ?? '';
      const sub = canonicalSubpath(request.url, prefix);
      if (!sub || sub.endsWith('/')) return;
      const index = await stat(resolve(root, `.${sub}`, 'index.html')).catch(() => null);
      if (!index?.isFile()) return;
      const q = request.url.indexOf('?');
      const path = q === -1 ? request.url : request.url.slice(0, q);
      const search = q === -1 ? '' : request.url.slice(q);
      return reply.code(301).header('cache-control', 'no-cache').redirect(sameOriginLocation(`${path}/${search}`), 301);
    });
  }

  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    decorateReply: false,
    wildcard: true,
    index: ['index.html'],
    redirect: false,
    list: false,
    dotfiles: 'ignore',
    cacheControl: false,
    etag: true,
    lastModified: true,
    acceptRanges: true,
    suppressWarning: true,
    onFile: checkRealPath,
    setHeaders(reply, filePath) {
      const rel = filePath.slice(root.length + 1).split(sep).join('/');
      reply.header('content-type', mimeType(filePath));
      reply.header('cache-control', cacheControl(rel));
      if (corsHeaders) reply.headers(corsHeaders);
      if (options.contentSecurityPolicy) reply.header('content-security-policy', options.contentSecurityPolicy);
      if (options.inert) {
        reply.header('content-security-policy', INERT_CSP);
        if (isActiveDocument(filePath)) reply.header('content-disposition', 'attachment');
      }
    },
  });

  app.route({
    method: ['POST', 'PUT', 'PATCH', 'DELETE'],
    url: '/*',
    handler: (_request, reply) => sendMethodNotAllowed(reply, ['GET', 'HEAD']),
  });

  app.setNotFoundHandler((request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendMethodNotAllowed(reply, ['GET', 'HEAD']);
    if (options.notFound) return options.notFound(request, reply);
    if (corsHeaders) reply.headers(corsHeaders);
    return sendNotFound(reply);
  });

  // A refused real path (see checkRealPath) is a 404 like any missing file.
  app.setErrorHandler((error: { statusCode?: number }, request, reply) => {
    if (error.statusCode === 404) {
      if (corsHeaders) reply.headers(corsHeaders);
      return sendNotFound(reply);
    }
    throw error;
  });
};
