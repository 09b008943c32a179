/**
 * test/shared-data.ts: the data folder resolved the same way for every test, a printed reason
 * for every skip, and an error instead of a skip under CI.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { isCi, MissingDataError, REPO_ROOT, resolveDataFolder, sharedData } from '../../shared-data';

const TMP = mkdtempSync(join(tmpdir(), 'shared-data-test-'));
mkdirSync(join(TMP, 'set-a'));
writeFileSync(join(TMP, 'set-a', 'file.json'), '{}');
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe('resolveDataFolder', () => {
  it('is ../shared/data next to the repository without TWIN_DATA_DIR', () => {
    expect(resolveDataFolder({})).toMatchObject({ dir: resolve(REPO_ROOT, '..', 'shared', 'data') });
  });

  it('takes a relative TWIN_DATA_DIR from the repository root, not from the working directory', () => {
    expect(resolveDataFolder({ TWIN_DATA_DIR: 'some/data' }).dir).toBe(join(REPO_ROOT, 'some', 'data'));
    expect(resolveDataFolder({ TWIN_DATA_DIR: TMP })).toEqual({ dir: TMP, from: `TWIN_DATA_DIR=${TMP}`, exists: true });
    expect(resolveDataFolder({ TWIN_DATA_DIR: join(TMP, 'missing') }).exists).toBe(false);
  });
});

describe('isCi', () => {
  it('is true for CI=true and CI=1 only', () => {
    expect([isCi({ CI: 'true' }), isCi({ CI: 'TRUE' }), isCi({ CI: '1' })]).toEqual([true, true, true]);
    expect([isCi({}), isCi({ CI: 'false' }), isCi({ CI: '0' }), isCi({ CI: '' })]).toEqual([false, false, false, false]);
  });
});

describe('sharedData', () => {
  it('returns the absolute path of a data set that exists, silently', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(sharedData('set-a/file.json', 'the A tests', { TWIN_DATA_DIR: TMP })).toBe(join(TMP, 'set-a', 'file.json'));
    expect(sharedData('', 'the folder tests', { TWIN_DATA_DIR: TMP })).toBe(TMP);
    expect(warn).not.toHaveBeenCalled();
  });

  it('returns null and prints which tests are skipped and why, once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(sharedData('set-b', 'the B tests', { TWIN_DATA_DIR: TMP })).toBeNull();
    expect(sharedData('set-b', 'the B tests', { TWIN_DATA_DIR: TMP })).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toBe(
      `[data] notice: skipping the B tests: ${join(TMP, 'set-b')} is missing from the data folder (TWIN_DATA_DIR=${TMP}). Provide ../shared/data or set TWIN_DATA_DIR to run them (under CI=true this is an error).`,
    );
  });

  it('says when the whole data folder is missing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const missing = join(TMP, 'no-such-folder');
    expect(sharedData('set-a', 'the C tests', { TWIN_DATA_DIR: missing })).toBeNull();
    expect(warn.mock.calls[0]![0]).toContain(`skipping the C tests: the data folder ${missing} is missing (TWIN_DATA_DIR=${missing})`);
  });

  it('throws under CI instead of skipping', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const missing = join(TMP, 'no-such-folder');
    const call = () => sharedData('set-a', 'the D tests', { TWIN_DATA_DIR: missing, CI: 'true' });
    expect(call).toThrow(MissingDataError);
    expect(call).toThrow(`cannot run the D tests: the data folder ${missing} is missing (TWIN_DATA_DIR=${missing}). Under CI=true a missing data set is an error, not a skip`);
    expect(() => sharedData('set-b', 'the E tests', { TWIN_DATA_DIR: TMP, CI: '1' })).toThrow(/cannot run the E tests: .*set-b is missing from the data folder/);
    expect(sharedData('set-a', 'the F tests', { TWIN_DATA_DIR: TMP, CI: 'true' })).toBe(join(TMP, 'set-a'));
    expect(warn).not.toHaveBeenCalled();
  });
});
