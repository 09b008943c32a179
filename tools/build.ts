/**
 * `npm run build`: Vite production build, then checks dist/ and prints the JS bundle sizes.
 *
 *   npx tsx tools/build.ts [--quiet]
 *
 * Exits non-zero when the build fails or dist/ lacks index.html, tiles/ or the decoders.
 */

// A build is always a production build, whatever the caller's NODE_ENV (e.g. 'test' under Vitest).
process.env.NODE_ENV = 'production';

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { REPO_ROOT, STAMP_FILE } from './server/staleness.ts';

const DIST = join(REPO_ROOT, 'dist');

const REQUIRED = [
  'index.html',
  STAMP_FILE,
  'tiles',
  'decoders/draco/draco_decoder.js',
  'decoders/draco/draco_decoder.wasm',
  'decoders/draco/draco_wasm_wrapper.js',
  'decoders/draco/gltf/draco_decoder.js',
  'decoders/draco/gltf/draco_decoder.wasm',
  'decoders/draco/gltf/draco_wasm_wrapper.js',
  'decoders/basis/basis_transcoder.js',
  'decoders/basis/basis_transcoder.wasm',
];

function kb(n: number): string {
  return `${(n / 1024).toFixed(1).padStart(9)} kB`;
}

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

function dirSize(dir: string): { files: number; bytes: number } {
  const files = walk(dir);
  return { files: files.length, bytes: files.reduce((s, f) => s + statSync(f).size, 0) };
}

interface ChunkInfo {
  fileName: string;
  isEntry: boolean;
  imports: string[];
}

/** JS files reachable from the entry chunks through static imports (the initial load). */
function initialChunks(chunks: ChunkInfo[]): Set<string> {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const initial = new Set<string>();
  const queue = chunks.filter((c) => c.isEntry).map((c) => c.fileName);
  while (queue.length) {
    const name = queue.pop()!;
    if (initial.has(name)) continue;
    initial.add(name);
    queue.push(...(byName.get(name)?.imports ?? []));
  }
  return new Set([...initial].map((n) => join(DIST, n)));
}

function report(chunks: ChunkInfo[]): void {
  const assets = walk(join(DIST, 'assets'));
  const js = assets.filter((f) => f.endsWith('.js'));
  const css = assets.filter((f) => f.endsWith('.css'));
  const initial = initialChunks(chunks);
  const rows = [...js, ...css]
    .map((f) => {
      const buf = readFileSync(f);
      return { f, size: buf.length, gzip: gzipSync(buf).length, initial: initial.has(f) || f.endsWith('.css') };
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.size - a.size);

  console.log('\nBundle (dist/assets, without source maps):');
  console.log(`  ${'file'.padEnd(48)} ${'size'.padStart(12)} ${'gzip'.padStart(12)}  load`);
  for (const r of rows) {
    console.log(`  ${relative(DIST, r.f).padEnd(48)} ${kb(r.size)} ${kb(r.gzip)}  ${r.initial ? 'initial' : 'lazy'}`);
  }
  const sum = (xs: typeof rows) => xs.reduce((a, r) => ({ size: a.size + r.size, gzip: a.gzip + r.gzip }), { size: 0, gzip: 0 });
  const jsRows = rows.filter((r) => r.f.endsWith('.js'));
  const init = sum(jsRows.filter((r) => r.initial));
  const lazy = sum(jsRows.filter((r) => !r.initial));
  const all = sum(jsRows);
  console.log(`  ${'JS initial'.padEnd(48)} ${kb(init.size)} ${kb(init.gzip)}`);
  console.log(`  ${'JS lazy'.padEnd(48)} ${kb(lazy.size)} ${kb(lazy.gzip)}`);
  console.log(`  ${'JS total'.padEnd(48)} ${kb(all.size)} ${kb(all.gzip)}`);
  const dec = dirSize(join(DIST, 'decoders'));
  const tiles = dirSize(join(DIST, 'tiles'));
  console.log(`  decoders/: ${dec.files} files, ${kb(dec.bytes).trim()}; tiles/: ${tiles.files} files, ${kb(tiles.bytes).trim()}\n`);
}

async function main(): Promise<void> {
  const quiet = process.argv.includes('--quiet');
  const t0 = performance.now();
  const result = await build({
    root: REPO_ROOT,
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    mode: 'production',
    logLevel: quiet ? 'warn' : 'info',
  });

  const missing = REQUIRED.filter((p) => !existsSync(join(DIST, p)));
  if (missing.length) {
    throw new Error(`dist/ is incomplete; missing: ${missing.join(', ')}`);
  }
  const outputs = Array.isArray(result) ? result : 'output' in result ? [result] : [];
  const chunks: ChunkInfo[] = outputs.flatMap((o) =>
    o.output.flatMap((c) => (c.type === 'chunk' ? [{ fileName: c.fileName, isEntry: c.isEntry, imports: c.imports }] : [])),
  );
  report(chunks);
  console.log(`[build] dist/ ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main().catch((err: unknown) => {
  console.error(`[build] FAILED: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
