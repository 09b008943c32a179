/**
 * Debian's PostgreSQL for a test: `initdb` into a temporary folder, then `postgres` on a free
 * loopback port (its socket in that folder too), trust authentication for the user `twin`,
 * fsync off. PostgreSQL refuses to run as root: when the tests run as root (CI), both programs
 * run as the `postgres` system user that Debian's package creates (or `nobody`), which then
 * owns the folder.
 */

import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findProgram, freePort, launch, postgresBinDirs, removeDir, tempDir } from './process.ts';

export interface Postgres {
  port: number;
  user: string;
  database: string;
  /** postgres://twin@127.0.0.1:PORT/postgres */
  url: string;
  stop(): Promise<void>;
}

export const POSTGRES_USER = 'twin';

/** uid/gid to run as: ours, or a system user's when we are root. */
function runAs(): { uid: number; gid: number } | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
      if (Number.isInteger(uid) && uid > 0) return { uid, gid };
    } catch {
      /* no such user */
    }
  }
  throw new Error('running as root, and neither a postgres nor a nobody user exists to run PostgreSQL as');
}

/** The port opens before the server takes queries ("starting up"): ask pg_isready until it says yes. */
async function waitUntilAccepting(pgIsReady: string, port: number, output: () => string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      execFileSync(pgIsReady, ['-h', '127.0.0.1', '-p', String(port), '-U', POSTGRES_USER, '-d', 'postgres', '-t', '1'], { stdio: 'ignore' });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections on ${port}:\n${output()}`);
      await sleep(100);
    }
  }
}

export async function startPostgres(): Promise<Postgres> {
  const dirs = postgresBinDirs();
  const initdb = findProgram('initdb', dirs);
  const postgres = findProgram('postgres', dirs);
  const dir = tempDir('postgres');
  const data = join(dir, 'data');
  mkdirSync(data, { mode: 0o700 });
  const user = runAs();
  if (user) {
    chownSync(dir, user.uid, user.gid);
    chownSync(data, user.uid, user.gid);
  }
  const as = user ? { uid: user.uid, gid: user.gid } : {};
  const env = { ...process.env, LC_ALL: 'C', TZ: 'UTC' };
  try {
    execFileSync(initdb, ['-D', data, '-U', POSTGRES_USER, '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions'], { ...as, cwd: dir, env, stdio: 'pipe' });
  } catch (err) {
    removeDir(dir);
    const e = err as { stderr?: Buffer; message: string };
    throw new Error(`initdb failed: ${e.stderr?.toString() ?? e.message}`);
  }
  const port = await freePort();
  const args = ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'full_page_writes=off'];
  const proc = await launch('postgres', postgres, args, dir, [port], { ...as, env });
  try {
    await waitUntilAccepting(findProgram('pg_isready', dirs), port, proc.output);
  } catch (err) {
    await proc.stop('SIGKILL');
    removeDir(dir);
    throw err;
  }
  return {
    port,
    user: POSTGRES_USER,
    database: 'postgres',
    url: `postgres://${POSTGRES_USER}@127.0.0.1:${port}/postgres`,
    async stop() {
      await proc.stop('SIGINT'); // fast shutdown: disconnects clients, no checkpoint wait
      removeDir(dir);
    },
  };
}
