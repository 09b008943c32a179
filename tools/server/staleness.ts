/**
 * Is `dist/` older than its inputs? And if so, build it (in a child process, so the build never
 * inherits a test runner's NODE_ENV or module graph).
 *
 * The build writes `dist/.build-stamp.json` as its last step (see ./vite-static-plugin). dist is
 * stale when the stamp or dist/index.html is missing, or when any file or folder among the inputs
 * has an mtime newer than the stamp (folder mtimes catch deletions and renames).
 */

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from './logger.ts';

/** The repository root (two levels up from tools/server/). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

export const STAMP_FILE = '.build-stamp.json';

/** Paths (relative to the repo root) whose changes require a rebuild. Missing ones are skipped. */
export const BUILD_INPUTS = [
  'index.html',
  'src',
  'public',
  'tiles',
  'vite.config.ts',
  'tools/server/vite-static-plugin.ts',
  'package.json',
] as const;

export interface Newest {
  mtimeMs: number;
  path: string | null;
}

/** The newest mtime among the given files/folders (recursively; folders count too; symlinks followed). */
export function newestMtime(paths: readonly string[]): Newest {
  let best: Newest = { mtimeMs: 0, path: null };
  const visit = (p: string, depth: number): void => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return; // missing or dangling link
    }
    if (st.mtimeMs > best.mtimeMs) best = { mtimeMs: st.mtimeMs, path: p };
    if (st.isDirectory() && depth < 64) {
      let names: string[];
      try {
        names = readdirSync(p);
      } catch {
        return;
      }
      for (const name of names) visit(join(p, name), depth + 1);
    }
  };
  for (const p of paths) visit(p, 0);
  return best;
}

export interface DistStatus {
  stale: boolean;
  reason: string;
}

export function distStatus(repoRoot: string = REPO_ROOT, distDir: string = join(repoRoot, 'dist')): DistStatus {
  const stampPath = join(distDir, STAMP_FILE);
  if (!existsSync(join(distDir, 'index.html'))) return { stale: true, reason: `${relative(repoRoot, distDir) || distDir}/index.html is missing` };
  if (!existsSync(stampPath)) return { stale: true, reason: `${relative(repoRoot, stampPath)} is missing (incomplete build?)` };
  const stampMs = statSync(stampPath).mtimeMs;
  const newest = newestMtime(BUILD_INPUTS.map((p) => join(repoRoot, p)));
  if (newest.mtimeMs > stampMs && newest.path) {
    return { stale: true, reason: `${relative(repoRoot, newest.path)} is newer than the last build` };
  }
  return { stale: false, reason: 'dist is up to date' };
}

/** Runs `tools/build.ts` in a child Node process (tsx). Rejects if the build fails. */
export function runBuild(repoRoot: string = REPO_ROOT, opts: { quiet?: boolean } = {}): Promise<void> {
  const require = createRequire(import.meta.url);
  const tsxCli = require.resolve('tsx/cli');
  const env = { ...process.env, NODE_ENV: 'production' };
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [tsxCli, join(repoRoot, 'tools', 'build.ts')], {
      cwd: repoRoot,
      env,
      stdio: opts.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`build failed (${signal ? `signal ${signal}` : `exit code ${code}`})`));
    });
  });
}

/** Builds dist/ when it is missing or stale. Resolves to whether a build ran. */
export async function ensureBuilt(
  repoRoot: string = REPO_ROOT,
  opts: { logger?: Logger; force?: boolean; quiet?: boolean } = {},
): Promise<{ built: boolean; reason: string }> {
  const status = distStatus(repoRoot);
  if (!status.stale && !opts.force) return { built: false, reason: status.reason };
  const reason = opts.force ? 'forced' : status.reason;
  opts.logger?.info(`[build] building dist/ (${reason})…`);
  await runBuild(repoRoot, { quiet: opts.quiet ?? false });
  return { built: true, reason };
}
