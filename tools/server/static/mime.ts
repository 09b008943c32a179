/** Content types and cache policy for the static server (and the Vite dev middleware). */

import { extname } from 'node:path';

const MIME: Record<string, string> = {
  // App
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.yml': 'application/yaml; charset=utf-8',
  // Geodata
  '.geojson': 'application/geo+json; charset=utf-8',
  '.gml': 'application/gml+xml; charset=utf-8',
  '.pbf': 'application/x-protobuf',
  '.mvt': 'application/vnd.mapbox-vector-tile',
  // glTF and 3D Tiles
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
  '.b3dm': 'application/octet-stream',
  '.i3dm': 'application/octet-stream',
  '.pnts': 'application/octet-stream',
  '.cmpt': 'application/octet-stream',
  '.subtree': 'application/octet-stream',
  '.bin': 'application/octet-stream',
  // Images and textures
  '.ktx2': 'image/ktx2',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.ico': 'image/x-icon',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  // Fonts
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  // Archives (served as-is, never with Content-Encoding)
  '.gz': 'application/gzip',
  '.zip': 'application/zip',
};

export const DEFAULT_MIME = 'application/octet-stream';

/** The Content-Type for a file name or path (case-insensitive on the extension). */
export function mimeType(filePath: string): string {
  return MIME[extname(filePath).toLowerCase()] ?? DEFAULT_MIME;
}

/** The known extensions (with the dot), for tests and docs. */
export function knownExtensions(): string[] {
  return Object.keys(MIME);
}

/**
 * Cache-Control for a URL path.
 * - `/assets/…` are Vite's content-hashed outputs: cache for a year, immutable.
 * - Everything else (index.html, tiles, decoders, scenes, data) can change between builds
 *   or tile generations without changing its name: always revalidate (ETag / Last-Modified make it cheap).
 */
export function cacheControl(urlPath: string): string {
  if (urlPath.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}
