/**
 * Data sets of the shared data folder (test/shared-data.ts) as the e2e tests reach them: the
 * local path and the URL under the server's /data/ mount (test/e2e/global-setup.ts).
 *
 *   const wageningen = sharedDataSet('wageningen-3dtiles-1.1/7-624-528/tileset.json', 'the Wageningen tests');
 *   describe.skipIf(!wageningen)('…', () => { … wageningen!.url … });
 */
import { inject } from 'vitest';
import { sharedData } from '../../shared-data.ts';

export interface DataSet {
  /** Absolute local path. */
  path: string;
  /** Its URL under the /data/ mount of the test server. */
  url: string;
}

/**
 * The data set at `relPath` for the tests described by `needs`, or null where it is missing
 * (after a printed notice; under CI=true a missing data set throws instead: see
 * {@link sharedData}).
 */
export function sharedDataSet(relPath: string, needs: string): DataSet | null {
  const path = sharedData(relPath, needs);
  if (!path) return null;
  const dataUrl = inject('dataUrl');
  if (!dataUrl) throw new Error(`${relPath} exists at ${path}, but the e2e server did not mount the data folder at /data/ (global-setup resolved another folder?)`);
  return { path, url: new URL(relPath, dataUrl).href };
}
