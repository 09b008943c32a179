/**
 * The single-page app's fallback: a GET or HEAD for a missing, extension-less path outside the
 * file-only prefixes gets index.html with `<base href="/">` injected, so the relative asset URLs
 * of a `base: './'` build still resolve from deep routes. Anything with an extension (tiles,
 * .glb, .json…) that is missing is a 404, never HTML.
 */

import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendNotFound } from '../security/errors.ts';

/** URL prefixes that hold files only: a missing path there is a 404, never the SPA's index.html. */
export const NO_FALLBACK_PREFIXES = ['/assets', '/tiles', '/decoders', '/data', '/scenes', '/plans', '/schema', '/xr-profiles'];

/** Whether a URL path would get the SPA fallback when missing (extension-less, not excluded). */
export function isFallbackCandidate(pathname: string, noFallback: readonly string[]): boolean {
  for (const p of noFallback) {
    const prefix = p.endsWith('/') ? p.slice(0, -1) : p;
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) return false;
  }
  const segments: string[] = [];
  for (const raw of pathname.split('/').filter(Boolean)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return false;
    }
    // An encoded separator, a NUL or a dot segment is no route of the app.
    if (/[/\\\0]/.test(segment) || segment === '.' || segment === '..') return false;
    segments.push(segment);
  }
  return extname(segments.at(-1) ?? '') === '';
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

/** A not-found handler that answers index.html for app routes and 404 for everything else. */
export function spaFallback(root: string, noFallback: readonly string[] = NO_FALLBACK_PREFIXES) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const q = request.url.indexOf('?');
    const pathname = q === -1 ? request.url : request.url.slice(0, q);
    if (!isFallbackCandidate(pathname, noFallback)) return sendNotFound(reply);
    let html: string;
    try {
      html = await readFile(join(root, 'index.html'), 'utf8');
    } catch {
      return sendNotFound(reply);
    }
    return reply.code(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(injectBase(html, '/'));
  };
}
