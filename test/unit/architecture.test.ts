/**
 * The dependency rules of docs/ARCHITECTURE.md, checked on every import in src/:
 * shared → geo → spec → sources/state → layers → engine → scene/xr → ui → app, never upwards,
 * and no three.js or React where they do not belong.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');

/** Lower ranks may be imported by higher ones, never the reverse. */
const RANK: Record<string, number> = { shared: -1, geo: 0, spec: 1, sources: 2, state: 2, layers: 3, engine: 4, scene: 5, xr: 5, ui: 6, app: 7, '.': 8 };

/** Bare packages each folder must not use. */
const FORBIDDEN: Record<string, RegExp> = {
  shared: /^(three|react|react-dom|@react-three\/|3d-tiles-renderer|zustand)/,
  geo: /^(three|react|react-dom|@react-three\/|3d-tiles-renderer|zustand)/,
  spec: /^(three|react|react-dom|@react-three\/|3d-tiles-renderer)/,
  state: /^(three|react|react-dom|@react-three\/|3d-tiles-renderer)/,
  layers: /^(react|react-dom|@react-three\/)/,
  engine: /^(react|react-dom|@react-three\/)/,
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

function area(file: string): string {
  const rel = relative(SRC, file).split(sep);
  return rel.length === 1 ? '.' : rel[0]!;
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)].map((m) => (m[1] ?? m[2])!);
}

const all = files(SRC);

describe('architecture', () => {
  it('should find the source tree', () => {
    expect(all.length).toBeGreaterThan(40);
    for (const a of new Set(all.map(area))) expect(RANK, `unknown folder src/${a}: give it a rank`).toHaveProperty(a);
  });

  it('should only import downwards (or within the same folder)', () => {
    const violations: string[] = [];
    for (const file of all) {
      const from = area(file);
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(SRC)) continue;
        const isDir = (() => {
          try {
            return statSync(target).isDirectory();
          } catch {
            return false;
          }
        })();
        const to = area(isDir ? join(target, 'index.ts') : /\.tsx?$/.test(target) ? target : `${target}.ts`);
        if (to !== from && RANK[to]! >= RANK[from]!) violations.push(`${relative(SRC, file)} imports ${spec} (${from} → ${to})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('should keep three.js, React and friends out of the folders that must not use them', () => {
    const violations: string[] = [];
    for (const file of all) {
      const rule = FORBIDDEN[area(file)];
      if (!rule) continue;
      for (const spec of imports(file)) if (rule.test(spec)) violations.push(`${relative(SRC, file)} imports ${spec}`);
    }
    expect(violations).toEqual([]);
  });
});
