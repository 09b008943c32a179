/** The output directory and paths: clearing an earlier run, measuring, naming in messages. */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Removes what an earlier run wrote (tileset.json, report.json, content/<level>_<x>_<y>.glb), nothing else. */
export function removeEarlierOutput(outDir: string): void {
  for (const f of ['tileset.json', 'report.json']) rmSync(join(outDir, f), { force: true });
  const content = join(outDir, 'content');
  if (!existsSync(content)) return;
  for (const name of readdirSync(content)) if (/^\d+_\d+_\d+(?:_\d+)?\.glb$/.test(name)) rmSync(join(content, name), { force: true });
  if (readdirSync(content).length === 0) rmSync(content, { recursive: true, force: true });
}

/** Bytes of all files under `dir` (for reports and the benchmark). */
export function directoryBytes(dir: string): number {
  let total = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else total += st.size;
    }
  };
  walk(dir);
  return total;
}

/** A path relative to the working directory when shorter (for messages). */
export function shortPath(p: string): string {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') && r.length < p.length ? r : p;
}
