import { describe, expect, it } from 'vitest';
import { COMMANDS, main } from '../../../tools/cli';
import type { Command } from '../../../tools/lib/command';

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: { write: (s: string) => (out.stdout += s) },
      stderr: { write: (s: string) => (out.stderr += s), isTTY: false },
    },
  };
}

describe('tools CLI', () => {
  it('registers the demo command', () => {
    expect(COMMANDS.map((c) => c.name)).toContain('demo');
  });

  it('prints help', async () => {
    const t = io();
    expect(await main(['--help'], t.io)).toBe(0);
    expect(t.out.stdout).toContain('Usage: npm run tools -- <command>');
    expect(t.out.stdout).toMatch(/demo\s+Generate/);
  });

  it('prints a command help', async () => {
    const t = io();
    expect(await main(['demo', '--help'], t.io)).toBe(0);
    expect(t.out.stdout).toContain('--seed N');
    expect(t.out.stdout).toContain('-o, --out DIR');
  });

  it('fails clearly on an unknown command', async () => {
    const t = io();
    expect(await main(['nope'], t.io)).not.toBe(0);
    expect(t.out.stderr).toContain('unknown command "nope"');
    expect(t.out.stderr).toContain('demo');
  });

  it('fails on no command, unknown options and bad values', async () => {
    for (const argv of [[], ['demo', '--bogus'], ['demo', '--seed', 'abc'], ['demo', 'extra']]) {
      const t = io();
      expect(await main(argv, t.io)).toBe(2);
      expect(t.out.stderr).toMatch(/error:/);
    }
  });

  it('dispatches to registered commands and reports failures', async () => {
    const ok: Command = { name: 'ok', summary: 's', options: [{ name: 'n', type: 'string', description: 'd', default: '1' }], run: async (v) => (v.n === '5' ? 0 : 3) };
    const boom: Command = { name: 'boom', summary: 's', options: [], run: async () => { throw new Error('kaput'); } };
    expect(await main(['ok', '--n', '5'], io().io, [ok, boom])).toBe(0);
    expect(await main(['ok'], io().io, [ok, boom])).toBe(3);
    const t = io();
    expect(await main(['boom'], t.io, [ok, boom])).toBe(1);
    expect(t.out.stderr).toContain('kaput');
  });
});
