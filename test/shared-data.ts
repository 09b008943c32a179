/**
 * The data folder of real public data sets (../shared/data; each data set has its SOURCE.md),
 * resolved in one place for the unit tests, the e2e tests (test/e2e/global-setup.ts mounts it at
 * /data/) and the benchmark.
 *
 *   TWIN_DATA_DIR=/path/to/data npm test      (relative paths are taken from the repository root)
 *
 * Without TWIN_DATA_DIR it is `../shared/data` next to the repository. A test that needs a data
 * set asks for it with {@link sharedData}: where the data set is missing, the test is skipped
 * and the reason is printed; under `CI=true` a missing data set is an error instead, so that CI
 * can never go green without the real-data tests.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (absolute, with no trailing slash). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export interface DataFolder {
  /** Absolute path of the data folder (it may not exist). */
  dir: string;
  /** Where the path came from, for messages. */
  from: string;
  exists: boolean;
}

/** Where the data folder is, from `TWIN_DATA_DIR` (relative to the repository root) or `../shared/data`. */
export function resolveDataFolder(env: NodeJS.ProcessEnv = process.env): DataFolder {
  const fromEnv = env.TWIN_DATA_DIR;
  const dir = fromEnv ? resolve(REPO_ROOT, fromEnv) : resolve(REPO_ROOT, '..', 'shared', 'data');
  return { dir, from: fromEnv ? `TWIN_DATA_DIR=${fromEnv}` : '../shared/data (TWIN_DATA_DIR is unset)', exists: existsSync(dir) };
}

/** True when running in CI (`CI=true` or `CI=1`, as CI services set it). */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI?.toLowerCase();
  return ci === 'true' || ci === '1';
}

/** Thrown under CI where a test needs a data set that is missing. */
export class MissingDataError extends Error {
  override name = 'MissingDataError';
}

/** Data sets whose absence was already reported in this process (one line each, not one per caller). */
const reported = new Set<string>();

/**
 * The absolute path of `relPath` inside the data folder, for the tests described by `needs`
 * ("the NGP schema checks"); `relPath` '' asks for the folder itself. Where it is missing:
 * under CI a {@link MissingDataError}; elsewhere `null`, after printing that those tests are
 * skipped and why. Use the result to skip: `describe.skipIf(!path)(…)`.
 */
export function sharedData(relPath: string, needs: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const folder = resolveDataFolder(env);
  const path = relPath ? join(folder.dir, relPath) : folder.dir;
  if (existsSync(path)) return path;
  const why = folder.exists ? `${path} is missing from the data folder (${folder.from})` : `the data folder ${folder.dir} is missing (${folder.from})`;
  if (isCi(env)) {
    throw new MissingDataError(`cannot run ${needs}: ${why}. Under CI=true a missing data set is an error, not a skip: CI must run the real-data tests. Provide ../shared/data or set TWIN_DATA_DIR.`);
  }
  const line = `[data] notice: skipping ${needs}: ${why}. Provide ../shared/data or set TWIN_DATA_DIR to run them (under CI=true this is an error).`;
  if (!reported.has(line)) {
    reported.add(line);
    console.warn(line);
  }
  return null;
}
