/**
 * Setup for every unit test file (vitest.config.ts, project `unit`): a test that runs no
 * assertion fails, so a test whose checks were all skipped by an early return, or whose
 * callback never ran, cannot pass by saying nothing.
 */
import { beforeEach, expect } from 'vitest';

beforeEach(() => {
  expect.hasAssertions();
});
