/**
 * Static file serving for a folder, as a RouteHandler (see ./app).
 *
 * - GET and HEAD only (405 otherwise).
 * - Paths are percent-decoded per segment; '..', '.', encoded slashes / backslashes / NUL and
 *   hidden segments (dotfiles, except `.well-known`) are refused with 404, and the resolved path
 *   must stay inside the root.
 * - Directories serve their index.html (redirecting `/dir` → `/dir/` first); otherwise 404.
 * - SPA fallback (optional): a GET/HEAD for a missing, extension-less path outside the
 *   `noFallback` prefixes gets the fallback HTML (index.html) with `<base href="<mount>/">` injected,
 *   so the relative asset URLs of a `base: './'` build still resolve from deep routes.
 *   Anything with an extension (tiles, .glb, .json…) that is missing is a 404, never HTML.
 * - ETag (weak, size + mtime) and Last-Modified with 304 answers; Cache-Control from ./mime.
 */

import { createReadStream, promises as fsp, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Logger, RouteContext, RouteHandler } from './app.ts';
import { cacheControl, mimeType } from './mime.ts';

export interface StaticOptions {
  /** Folder to serve. */
  root: string;
  /** URL prefix the handler is mounted at ('/' or e.g. '/data'); used for Cache-Control and `<base>`. */
  mount?: string;
  /** File (relative to root) served for missing extension-less paths; null/undefined = no fallback. */
  fallback?: string | null;
  /** URL path prefixes (absolute, e.g. '/tiles') under which the fallback never applies. */
  noFallback?: string[];
  /** Adds `Access-Control-Allow-Origin: *` (read-only public data). */
  cors?: boolean;
  logger?: Logger;
}

export type ResolveResult =
  | { ok: true; filePath: string; segments: string[] }
  | { ok: false; status: 400 | 404; reason: string };

/**
 * Maps a URL subpath (percent-encoded, starting with '/') to a file path inside `root`,
 * or refuses it. Pure apart from `path.resolve`; exported for tests.
 */
export function resolveSafePath(root: string, subpath: string): ResolveResult {
  const absRoot = resolve(root);
  const rawSegments = subpath.split('/').filter((s) => s !== '');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400, reason: 'bad percent-encoding' };
    }
    if (seg === '.' || seg === '..') return { ok: false, status: 404, reason: 'dot segment' };
    if (/[/\\\0]/.test(seg)) return { ok: false, status: 404, reason: 'separator or NUL in segment' };
    if (seg.startsWith('.') && seg !== '.well-known') return { ok: false, status: 404, reason: 'hidden file' };
    segments.push(seg);
  }
  const filePath = resolve(absRoot, ...segments);
  if (filePath !== absRoot && !filePath.startsWith(absRoot + sep)) {
    return { ok: false, status: 404, reason: 'outside root' };
  }
  return { ok: true, filePath, segments };
}

/** Whether a URL path would get the SPA fallback when missing (extension-less, not excluded). */
export function isFallbackCandidate(pathname: string, noFallback: readonly string[]): boolean {
  for (const p of noFallback) {
    const prefix = p.endsWith('/') ? p.slice(0, -1) : p;
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) return false;
  }
  const last = pathname.split('/').filter(Boolean).pop() ?? '';
  let decoded = last;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    return false;
  }
  return extname(decoded) === '';
}

function text(res: ServerResponse, status: number, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(body);
}

async function statOrNull(p: string): Promise<Stats | null> {
  try {
    return await fsp.stat(p);
  } catch {
    return null;
  }
}

function etagOf(st: Stats): string {
  return `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
}

function notModified(req: IncomingMessage, etag: string, mtime: Date): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    return inm.split(',').some((t) => {
      const tag = t.trim();
      return tag === '*' || tag === etag || tag.replace(/^W\//, '') === etag.replace(/^W\//, '');
    });
  }
  const ims = req.headers['if-modified-since'];
  if (ims) {
    const since = Date.parse(ims);
    if (!Number.isNaN(since)) return Math.floor(mtime.getTime() / 1000) <= Math.floor(since / 1000);
  }
  return false;
}

/** Inserts `<base href>` right after `<head…>` unless the document already has a `<base`. */
export function injectBase(html: string, href: string): string {
  if (/<base[\s>]/i.test(html)) return html;
  const m = /<head(\s[^>]*)?>/i.exec(html);
  const tag = `<base href="${href}">`;
  if (!m) return tag + html;
  const at = m.index + m[0].length;
  return html.slice(0, at) + tag + html.slice(at);
}

export function createStaticHandler(options: StaticOptions): RouteHandler {
  const root = resolve(options.root);
  const mount = options.mount && options.mount !== '/' ? options.mount.replace(/\/+$/, '') : '';
  const fallback = options.fallback ?? null;
  const noFallback = options.noFallback ?? [];
  const corsHeaders: Record<string, string> = options.cors ? { 'Access-Control-Allow-Origin': '*' } : {};

  async function sendFile(req: IncomingMessage, res: ServerResponse, filePath: string, st: Stats, urlPath: string) {
    const etag = etagOf(st);
    const headers: Record<string, string | number> = {
      'Content-Type': mimeType(filePath),
      'Cache-Control': cacheControl(urlPath),
      ETag: etag,
      'Last-Modified': st.mtime.toUTCString(),
      'X-Content-Type-Options': 'nosniff',
      ...corsHeaders,
    };
    if (notModified(req, etag, st.mtime)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    headers['Content-Length'] = st.size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    try {
      await pipeline(createReadStream(filePath), res);
    } catch (err) {
      // Client went away or the file vanished mid-stream: nothing more to send.
      if ((err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
        options.logger?.warn(`[static] ${urlPath}: ${(err as Error).message}`);
      }
      res.destroy();
    }
  }

  async function sendFallback(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (!fallback) return false;
    const r = resolveSafePath(root, `/${fallback}`);
    if (!r.ok) return false;
    let html: string;
    try {
      html = await fsp.readFile(r.filePath, 'utf8');
    } catch {
      return false;
    }
    const body = Buffer.from(injectBase(html, `${mount}/`), 'utf8');
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }

  return async (req: IncomingMessage, res: ServerResponse, ctx: RouteContext) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      text(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    const r = resolveSafePath(root, ctx.subpath);
    if (!r.ok) {
      text(res, r.status, r.status === 400 ? 'Bad request\n' : 'Not found\n');
      return;
    }
    let filePath = r.filePath;
    let st = await statOrNull(filePath);
    if (st?.isDirectory()) {
      const index = join(filePath, 'index.html');
      const ist = await statOrNull(index);
      if (ist?.isFile()) {
        if (!ctx.pathname.endsWith('/')) {
          const location = `${ctx.pathname}/${ctx.url.search}`;
          res.writeHead(301, { Location: location, 'Content-Length': 0, 'Cache-Control': 'no-cache' });
          res.end();
          return;
        }
        filePath = index;
        st = ist;
      } else {
        st = null;
      }
    }
    if (st?.isFile()) {
      await sendFile(req, res, filePath, st, ctx.pathname);
      return;
    }
    if (isFallbackCandidate(ctx.pathname, noFallback) && (await sendFallback(req, res))) return;
    text(res, 404, 'Not found\n', corsHeaders);
  };
}
