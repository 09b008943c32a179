/**
 * Golden files: every `test/fixtures/plans/*.input.json` is parsed with `parsePlan` and compared
 * with its `*.output.json` (the PlanDocument with coordinates rounded to 1e-7°, or
 * `{ "error": … }` when parsing throws). The SS 637040 example from ../shared/data is compared
 * with `ss637040-qgissverige.output.json`. Regenerate with `UPDATE=1`.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan, PlanParseError } from '../../../../src/sources/plans';
import { sharedData } from '../../../shared-data';

const REPO = resolve(__dirname, '../../../..');
const FIXTURES = join(REPO, 'test/fixtures/plans');
const SS637040 = sharedData('detaljplan-ss637040-qgissverige/plankarta.xml', 'the golden file of the real SS 637040 plan');
const UPDATE = process.env.UPDATE === '1';

const GEOMETRY_KEYS = new Set(['polygons', 'lines', 'points', 'boundary']);

/** Rounds every number under geometry keys to 1e-7 (about 1 cm). */
function rounded(value: unknown, inGeometry = false): unknown {
  if (typeof value === 'number') return inGeometry ? Math.round(value * 1e7) / 1e7 : value;
  if (Array.isArray(value)) return value.map((v) => rounded(v, inGeometry));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v, inGeometry || GEOMETRY_KEYS.has(k))]));
  return value;
}

function outcome(input: string): unknown {
  try {
    return rounded(parsePlan(input));
  } catch (e) {
    if (!(e instanceof PlanParseError)) throw e;
    return { error: e.message, warnings: e.warnings };
  }
}

function check(input: string, outputPath: string): void {
  const actual = outcome(input);
  if (UPDATE || !existsSync(outputPath)) writeFileSync(outputPath, JSON.stringify(actual, null, 1) + '\n');
  expect(actual).toEqual(JSON.parse(readFileSync(outputPath, 'utf8')));
}

const inputs = readdirSync(FIXTURES).filter((f) => f.endsWith('.input.json')).sort();

describe('plan golden files', () => {
  it('should find the fixtures', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of inputs) {
    it(`should parse ${name} to ${name.replace('.input.json', '.output.json')}`, () => {
      check(readFileSync(join(FIXTURES, name), 'utf8'), join(FIXTURES, name.replace('.input.json', '.output.json')));
    });
  }

  it.skipIf(!SS637040)('should parse the SS 637040 example to ss637040-qgissverige.output.json', () => {
    check(readFileSync(SS637040!, 'utf8'), join(FIXTURES, 'ss637040-qgissverige.output.json'));
  });
});
