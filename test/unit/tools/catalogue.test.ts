/**
 * `npm run tools -- catalogue`: Boverket's Planbestämmelsekatalogen API JSON → the compact lookup.
 * The shipped src/sources/plans/catalogue-subset.json must be exactly what the command makes
 * from ../shared/data/boverket-planbestammelsekatalog-subset/katalog_urval.json.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../tools/cli';
import { catalogueFromBoverketApi, SHIPPED_CATALOGUE } from '../../../src/sources/plans/catalogue';
import { sharedData } from '../../shared-data';

const REPO = resolve(__dirname, '../../..');
const SUBSET = sharedData('boverket-planbestammelsekatalog-subset/katalog_urval.json', "the catalogue command on Boverket's subset") ?? '';
const SHIPPED = join(REPO, 'src/sources/plans/catalogue-subset.json');
const TMP = mkdtempSync(join(tmpdir(), 'catalogue-test-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function run(argv: string[]) {
  const out = { stdout: '', stderr: '' };
  const io = { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s), isTTY: false } };
  return main(['catalogue', ...argv], io).then((code) => ({ code, ...out }));
}

describe.skipIf(!SUBSET)('catalogue command on the shared subset', () => {
  it('should regenerate the shipped lookup byte for byte, with progress on stderr', async () => {
    const out = join(TMP, 'lookup.json');
    const r = await run([SUBSET, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('catalogue  [########################] 18/18  18 entries');
    expect(r.stderr).toContain(`wrote ${out}: 18 entries`);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(SHIPPED, 'utf8'));
  });

  it('should keep what the zoning layer needs from each entry', () => {
    expect(SHIPPED_CATALOGUE.attribution).toBe('Källa: Boverket, Planbestämmelsekatalogen');
    expect(SHIPPED_CATALOGUE.release).toBe('20251201');
    expect(Object.keys(SHIPPED_CATALOGUE.entries)).toHaveLength(18);
    expect(SHIPPED_CATALOGUE.entries['f9e056a6-cda8-4b92-a15d-dc70d61dfa36']).toEqual({
      formulering: 'Bostäder', beteckning: 'B', anvandningsform: 'Kvartersmark', farg: 'Gul', kategori: 'Bostäder', geometrityp: 'Yta/Volym', typ: 'Användningsbestämmelse', kod: 'DP_KM_B2',
    });
    expect(SHIPPED_CATALOGUE.entries['1c38a293-b48c-4572-a4a7-5a5d27697ea1']).toMatchObject({ beteckning: 'e#', underkategori: 'Största area i procent' });
    // Every entry of the API file is there, with its formulation.
    const api = JSON.parse(readFileSync(SUBSET, 'utf8')) as { bestammelser: { id: string; bestammelseformulering: string }[] };
    for (const b of api.bestammelser) expect(SHIPPED_CATALOGUE.entries[b.id]?.formulering).toBe(b.bestammelseformulering);
  });

  it('should print the lookup on stdout without --out', async () => {
    const r = await run([SUBSET]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(SHIPPED_CATALOGUE);
  });
});

describe('catalogue command errors', () => {
  it('should explain a missing file, broken JSON and a file that is not the catalogue in one line, exit 1', async () => {
    const missing = await run([join(TMP, 'nope.json')]);
    expect(missing).toMatchObject({ code: 1, stderr: `error: cannot read ${join(TMP, 'nope.json')}: no such file\n` });
    const broken = join(TMP, 'broken.json');
    writeFileSync(broken, '{"bestammelser": [');
    const b = await run([broken]);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/^error: cannot read .*broken\.json: .*JSON.*\n$/);
    const other = join(TMP, 'other.json');
    writeFileSync(other, '{"type": "FeatureCollection", "features": []}');
    expect(await run([other])).toMatchObject({ code: 1, stderr: `error: ${other}: not Boverket catalogue JSON: expected a "bestammelser" array (or an array of bestämmelser)\n` });
  });

  it('should be a usage error (exit 2) without a file or with two', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['a.json', 'b.json'])).code).toBe(2);
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run tools -- catalogue \[options\]/);
    expect(help.stdout).toContain('Källa: Boverket, Planbestämmelsekatalogen');
  });

  it('should skip and report entries without a UUID or formulation', () => {
    const { lookup, skipped } = catalogueFromBoverketApi([
      { id: 'not-a-uuid', bestammelseformulering: 'x' },
      { id: 'F9E056A6-CDA8-4B92-A15D-DC70D61DFA36', bestammelseformulering: 'Bostäder', beteckning: 'B', farg: 'Gul', bestammelsetyp: 'Användningsbestämmelse' },
      { id: '00000000-0000-4000-8000-000000000000' },
      'text',
    ]);
    expect(Object.keys(lookup.entries)).toEqual(['f9e056a6-cda8-4b92-a15d-dc70d61dfa36']);
    expect(skipped).toEqual([
      'entry 1 has no valid UUID "id" ("not-a-uuid")',
      'entry 00000000-0000-4000-8000-000000000000 has no "bestammelseformulering"',
      'entry 4 is not an object',
    ]);
    expect(lookup.source).toBe('Boverket, Planbestämmelsekatalogen: 1 bestämmelser');
  });
});
