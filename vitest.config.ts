import { defineConfig } from 'vitest/config';

/**
 * Two projects:
 * - unit: pure logic in Node (spec, geo, layers, engine maths, tools); mirrors src/ and tools/.
 * - e2e: builds dist/, serves it, and drives Debian's Chromium through playwright-core.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
