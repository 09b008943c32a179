import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { distStatus, newestMtime, STAMP_FILE } from '../../../tools/server/staleness.ts';
import { tempTree } from './helpers.ts';

const T0 = new Date('2026-01-01T00:00:00Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

/** A fake repo whose inputs are all at T0 and whose stamp is at T0 + 10 s. */
function repo(): string {
  const t = tempTree({
    'index.html': '<html></html>',
    'src/main.tsx': 'x',
    'src/a/b.ts': 'y',
    'public/scenes/demo.json': '{}',
    'tiles/demo/tileset.json': '{}',
    'dist/index.html': '<html></html>',
    [`dist/${STAMP_FILE}`]: '{}',
  });
  cleanup = t.cleanup;
  for (const p of ['', 'index.html', 'src', 'src/main.tsx', 'src/a', 'src/a/b.ts', 'public', 'public/scenes', 'public/scenes/demo.json', 'tiles', 'tiles/demo', 'tiles/demo/tileset.json']) {
    utimesSync(join(t.dir, p), T0, T0);
  }
  utimesSync(join(t.dir, 'dist', STAMP_FILE), at(10), at(10));
  return t.dir;
}

describe('distStatus', () => {
  it('is fresh when the stamp is newer than every input', () => {
    expect(distStatus(repo())).toEqual({ stale: false, reason: 'dist is up to date' });
  });

  it('is stale without dist/index.html or without the stamp', () => {
    const dir = repo();
    rmSync(join(dir, 'dist', STAMP_FILE));
    expect(distStatus(dir)).toMatchObject({ stale: true, reason: expect.stringMatching(/missing/) });
    rmSync(join(dir, 'dist'), { recursive: true });
    expect(distStatus(dir)).toMatchObject({ stale: true, reason: expect.stringContaining('index.html is missing') });
  });

  it.each(['src/a/b.ts', 'index.html', 'public/scenes/demo.json', 'tiles/demo/tileset.json'])('is stale when %s changes', (file) => {
    const dir = repo();
    utimesSync(join(dir, file), at(20), at(20));
    expect(distStatus(dir)).toEqual({ stale: true, reason: `${file} is newer than the last build` });
  });

  it('notices new and deleted files through folder mtimes', () => {
    const dir = repo();
    mkdirSync(join(dir, 'tiles', 'new'));
    writeFileSync(join(dir, 'tiles', 'new', 'x.glb'), '');
    expect(distStatus(dir).stale).toBe(true);

    const dir2 = repo();
    rmSync(join(dir2, 'src', 'a', 'b.ts'));
    expect(distStatus(dir2)).toMatchObject({ stale: true, reason: expect.stringContaining('src/a') });
  });

  it('ignores inputs that do not exist', () => {
    const dir = repo();
    rmSync(join(dir, 'tiles'), { recursive: true });
    // Removing tiles/ changes the repo root's mtime, which is not an input.
    expect(distStatus(dir).stale).toBe(false);
  });
});

describe('newestMtime', () => {
  it('returns the newest file or folder', () => {
    const dir = repo();
    utimesSync(join(dir, 'src', 'a'), at(5), at(5));
    expect(newestMtime([join(dir, 'src'), join(dir, 'nope')])).toEqual({ mtimeMs: at(5).getTime(), path: join(dir, 'src', 'a') });
    expect(newestMtime([join(dir, 'nope')])).toEqual({ mtimeMs: 0, path: null });
  });
});
