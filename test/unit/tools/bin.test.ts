import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = resolve(__dirname, '../../../tools/bin.mjs');

describe('package bin (tools/bin.mjs)', () => {
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
