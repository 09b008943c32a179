/**
 * Initial JS size of a built page: the module script of its index.html plus every
 * `<link rel="modulepreload">` (Vite lists all statically imported chunks there), gzipped one
 * by one (zlib default level, as tools/build.ts reports) and summed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialJs {
  files: { file: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
}

/** Script and modulepreload URLs of an HTML page, in document order. */
export function initialScriptUrls(html: string): string[] {
  const urls: string[] = [];
  const tag = /<(script|link)\b[^>]*>/gi;
  for (const m of html.matchAll(tag)) {
    const t = m[0];
    const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(t)?.[1];
    if (m[1]!.toLowerCase() === 'script' && attr('type') === 'module' && attr('src')) urls.push(attr('src')!);
    if (m[1]!.toLowerCase() === 'link' && attr('rel') === 'modulepreload' && attr('href')) urls.push(attr('href')!);
  }
  return [...new Set(urls)];
}

/** `base` is the URL prefix the page is built for ('./' or '/cesium/'). */
export function initialJs(distDir: string, base: string): InitialJs {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = initialScriptUrls(html).map((url) => {
    let rel = url.startsWith(base) ? url.slice(base.length) : url;
    rel = rel.replace(/^\.?\//, '');
    const path = join(distDir, rel);
    if (!existsSync(path)) throw new Error(`${distDir}/index.html refers to ${url}, which is not in the build`);
    const buf = readFileSync(path);
    return { file: rel, bytes: buf.length, gzip: gzipSync(buf).length };
  });
  return {
    files,
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
  };
}

/** Total size of the files under a folder (0 if missing). */
export function dirBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let sum = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    sum += st.isDirectory() ? dirBytes(p) : st.size;
  }
  return sum;
}

/**
 * JS files of a build that contain CesiumJS (its base-URL error message survives minification).
 * The app must never ship Cesium: it is the benchmark's baseline only.
 */
export function cesiumInApp(distDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(p).isDirectory()) walk(p, r);
      else if (name.endsWith('.js') && readFileSync(p, 'latin1').includes('CESIUM_BASE_URL')) out.push(r);
    }
  };
  walk(join(distDir, 'assets'), 'assets');
  return out;
}
