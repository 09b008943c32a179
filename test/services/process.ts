/**
 * Running a service for a test: a free loopback port, a temporary folder, the program as a child
 * process with its output kept for error messages, and waiting until it accepts connections.
 */

import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findProgram as findInstalled } from '../../tools/lib/system.mjs';

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

export { postgresBinDirs } from '../../tools/lib/system.mjs';

/** The program `name` (see tools/lib/system.mjs); throws with advice when it is not installed. */
export function findProgram(name: string, extraDirs: readonly string[] = []): string {
  const found = findInstalled(name, extraDirs);
  if (!found) throw new Error(`${name} is not installed: run \`node tools/ensure-services.mjs\` (as root) first`);
  return found;
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

/**
 * Starts a service in its temporary folder and waits until it listens on every port; if it does
 * not, kills it, removes the folder and throws with its output.
 */
export async function launch(name: string, program: string, args: readonly string[], dir: string, ports: readonly number[], options: SpawnOptions = {}): Promise<RunningProcess> {
  const proc = startProcess(program, args, { cwd: dir, ...options });
  try {
    for (const port of ports) await waitForPort(port, proc, name);
    return proc;
  } catch (err) {
    await proc.stop('SIGKILL');
    removeDir(dir);
    throw err;
  }
}

/** Removes a temporary folder (after its process has stopped). */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
}
