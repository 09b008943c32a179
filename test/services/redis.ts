/**
 * Debian's redis-server for a test: a free loopback port, nothing saved (`--save ''`, no AOF),
 * its working folder temporary. `redisCommand` speaks RESP over a plain socket, enough for tests
 * that need one answer.
 */

import { connect } from 'node:net';
import { findProgram, freePort, launch, removeDir, tempDir } from './process.ts';

export interface Redis {
  port: number;
  /** redis://127.0.0.1:PORT */
  url: string;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<Redis> {
  const program = findProgram('redis-server');
  const dir = tempDir('redis');
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'];
  const proc = await launch('redis-server', program, args, dir, [port]);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      await proc.stop('SIGTERM');
      removeDir(dir);
    },
  };
}

/** A RESP array of bulk strings: the form every Redis command takes. */
export function encodeCommand(args: readonly string[]): Buffer {
  const parts = [`*${args.length}\r\n`];
  for (const a of args) parts.push(`$${Buffer.byteLength(a)}\r\n${a}\r\n`);
  return Buffer.from(parts.join(''));
}

/** Parses one RESP reply (simple string, error, integer, bulk string or null); undefined while incomplete. */
export function parseReply(buf: Buffer): string | number | null | Error | undefined {
  const end = buf.indexOf('\r\n');
  if (end < 0) return undefined;
  const head = buf.subarray(1, end).toString();
  switch (String.fromCharCode(buf[0]!)) {
    case '+':
      return head;
    case '-':
      return new Error(head);
    case ':':
      return Number(head);
    case '$': {
      const len = Number(head);
      if (len < 0) return null;
      if (buf.length < end + 2 + len + 2) return undefined;
      return buf.subarray(end + 2, end + 2 + len).toString();
    }
    default:
      return new Error(`unexpected RESP reply: ${buf.toString().slice(0, 40)}`);
  }
}

/** Sends one command on a fresh connection and resolves with its reply (rejects on a Redis error). */
export function redisCommand(port: number, ...args: string[]): Promise<string | number | null> {
  return new Promise((resolve, reject) => {
    const sock = connect(port, '127.0.0.1', () => sock.write(encodeCommand(args)));
    let buf = Buffer.alloc(0);
    sock.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      const reply = parseReply(buf);
      if (reply === undefined) return;
      sock.end();
      if (reply instanceof Error) reject(reply);
      else resolve(reply);
    });
    sock.once('error', reject);
  });
}
