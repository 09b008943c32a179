import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = resolve(__dirname, '../../../tools/bin.mjs');

// each test starts Node with tsx's loader, which takes seconds on a busy 2-core machine: the
// tests wait as long as the child process may take (60 s), not vitest's default 5 s
describe('package bin (tools/bin.mjs)', { timeout: 60_000 }, () => {
  it('should run the CLI under plain node and list every command', () => {
    const r = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    for (const cmd of ['demo', 'validate', 'cityjson', 'buildings']) expect(r.stdout).toMatch(new RegExp(`^  ${cmd}\\b`, 'm'));
  });

  it('should exit 2 with a clear message for an unknown command', () => {
    const r = spawnSync(process.execPath, [BIN, 'nope'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command "nope"');
  });
});
