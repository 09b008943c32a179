/**
 * Running a service for a test: a free loopback port, a temporary folder, the program as a child
 * process with its output kept for error messages, and waiting until it accepts connections.
 */

import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A port nobody listens on now (the OS picks it; another process could take it before us). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `twin-${prefix}-`));
}

/** The program `name` on PATH, in /usr/sbin, or in the extra folders; throws with advice when absent. */
export function findProgram(name: string, extraDirs: readonly string[] = []): string {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/bin', ...extraDirs];
  for (const dir of dirs) {
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      /* next */
    }
  }
  throw new Error(`${name} is not installed: run \`node tools/ensure-services.mjs\` (as root) first`);
}

/** Debian's PostgreSQL server programs, newest major version first. */
export function postgresBinDirs(): string[] {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => join(base, v, 'bin'));
}

export interface RunningProcess {
  child: ChildProcess;
  /** stdout and stderr so far (for error messages). */
  output(): string;
  /** Sends `signal` and resolves once the process has exited (SIGKILL after `timeoutMs`). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<void>;
}

export function startProcess(program: string, args: readonly string[], options: SpawnOptions = {}): RunningProcess {
  const child = spawn(program, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  child.once('error', (err) => {
    out += `\n${err.message}`;
  });
  return {
    child,
    output: () => out,
    async stop(signal = 'SIGTERM', timeoutMs = 10_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resolves once `port` on loopback accepts a TCP connection; rejects if the process exits or time runs out. */
export async function waitForPort(port: number, proc: RunningProcess, name: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
      throw new Error(`${name} exited (${proc.child.exitCode ?? proc.child.signalCode}) before listening on ${port}:\n${proc.output()}`);
    }
    const ok = await new Promise<boolean>((resolve) => {
      const sock = connect(port, '127.0.0.1', () => {
        sock.destroy();
        resolve(true);
      });
      sock.once('error', () => resolve(false));
    });
    if (ok) return;
    await sleep(50);
  }
  throw new Error(`${name} did not listen on ${port} within ${timeoutMs} ms:\n${proc.output()}`);
}

/** Removes a temporary folder (after its process has stopped). */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
}
