// Finding programs and installing Debian packages, for the scripts that prepare a machine for the
// tests (tools/ensure-browser.mjs, tools/ensure-services.mjs) and the test helpers that start
// services (test/services/). Plain JS for Node 20, no dependencies; types in system.d.mts.

import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `name` on PATH, in the sbin/bin folders, or in `extraDirs`; null if none. */
export function findProgram(name, extraDirs = []) {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin', ...extraDirs];
  for (const dir of dirs) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** Debian keeps PostgreSQL's server programs in /usr/lib/postgresql/<major>/bin: those folders, newest first. */
export function postgresBinDirs() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => join(base, v, 'bin'));
}

/** Runs a command with its output shown; throws unless it exits 0. */
export function run(tag, cmd, args) {
  console.log(`[${tag}] $ ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (res.error) throw res.error;
  if (res.status !== 0) throw new Error(`${cmd} exited with ${res.status}`);
}

/**
 * How to run apt-get here: `{ asRoot(cmd, args) }` when apt-get exists and we are root or have
 * passwordless sudo, else null.
 */
export function aptAccess(tag) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const canSudo = !isRoot && findProgram('sudo') !== null && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (findProgram('apt-get') === null || !(isRoot || canSudo)) return null;
  return { isRoot, asRoot: (cmd, args) => (isRoot ? run(tag, cmd, args) : run(tag, 'sudo', ['-n', cmd, ...args])) };
}
