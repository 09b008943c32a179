/**
 * Golden files: every `test/fixtures/plans/*.input.json` is parsed with `parsePlan` and compared
 * with its `*.output.json` (test/fixtures/plans/golden.ts has the form). The SS 637040 example
 * from the shared data folder is compared with `ss637040-qgissverige.output.json`.
 * This test only reads: a missing golden file fails. Write or update them on purpose with
 * `npm run test:update-goldens` and review the diff.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenOutcome, goldenPairs, PLAN_FIXTURES, SS637040_DATA, SS637040_GOLDEN } from '../../../fixtures/plans/golden';
import { sharedData } from '../../../shared-data';

const SS637040 = sharedData(SS637040_DATA, 'the golden file of the real SS 637040 plan');

/** The golden file's content; fails (rather than writes it) when it is missing. */
function readGolden(path: string): unknown {
  expect(existsSync(path), `${path} is missing: write it with \`npm run test:update-goldens\` and review it`).toBe(true);
  return JSON.parse(readFileSync(path, 'utf8'));
}

const pairs = goldenPairs();

describe('plan golden files', () => {
  it('should find the fixtures', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(10);
  });

  it('should have exactly one golden output per input, and no output without its input', () => {
    const outputs = readdirSync(PLAN_FIXTURES).filter((f) => f.endsWith('.output.json'));
    const expected = [...pairs.map((p) => p.output), 'ss637040-qgissverige.output.json'].sort();
    expect(outputs.sort()).toEqual(expected);
  });

  for (const { input, output } of pairs) {
    it(`should parse ${input} to ${output}`, () => {
      const outputPath = join(PLAN_FIXTURES, output);
      expect(goldenOutcome(readFileSync(join(PLAN_FIXTURES, input), 'utf8'))).toEqual(readGolden(outputPath));
    });
  }

  it.skipIf(!SS637040)('should parse the SS 637040 example to ss637040-qgissverige.output.json', () => {
    expect(goldenOutcome(readFileSync(SS637040!, 'utf8'))).toEqual(readGolden(SS637040_GOLDEN));
  });
});
