/**
 * The `catalogue` command: Boverket's Planbestämmelsekatalogen API JSON → the compact lookup by
 * UUID that `parsePlan` reads (src/sources/plans/catalogue.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { UsageError, type Command } from '../lib/command';
import { createProgress, type Progress } from '../lib/progress';
import { CatalogueFormatError, catalogueFromBoverketApi, serialiseCatalogue } from '../../src/sources/plans/catalogue';

export const catalogueCommand: Command = {
  name: 'catalogue',
  summary: "Convert Boverket's catalogue of plan regulations (API JSON) to the compact lookup the zoning layer reads.",
  options: [{ name: 'out', short: 'o', type: 'string', value: 'FILE', description: 'Where to write the lookup JSON (default: stdout)' }],
  details: [
    'Argument: one JSON file as served by Boverket\'s API for Planbestämmelsekatalogen (a release',
    'object with a "bestammelser" array, or a bare array of bestämmelser).',
    '',
    'Output: { source, attribution, release, entries: { <uuid>: { beteckning, anvandningsform,',
    'farg, kategori, underkategori, formulering, geometrityp, typ, kod } } }, sorted by UUID.',
    'Entries without a UUID or a formulation are skipped and listed on stderr.',
    'Attribute the data as "Källa: Boverket, Planbestämmelsekatalogen".',
    '',
    'Example:',
    '  npm run tools -- catalogue ../shared/data/boverket-planbestammelsekatalog-subset/katalog_urval.json \\',
    '    --out src/sources/plans/catalogue-subset.json',
  ].join('\n'),
  async run(values, positionals, io) {
    if (positionals.length === 0) throw new UsageError('no file given: catalogue <api.json> [--out lookup.json]');
    if (positionals.length > 1) throw new UsageError(`one file at a time, got ${positionals.length}: ${positionals.join(' ')}`);
    const input = positionals[0]!;
    let api: unknown;
    try {
      api = JSON.parse(readFileSync(input, 'utf8'));
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
      io.stderr.write(`error: cannot read ${input}: ${reason}\n`);
      return 1;
    }
    let progress: Progress | undefined;
    let result;
    try {
      result = catalogueFromBoverketApi(api, (_i, total) => {
        progress ??= createProgress('catalogue', total, io.stderr);
        progress.tick();
      });
    } catch (e) {
      if (!(e instanceof CatalogueFormatError)) throw e;
      io.stderr.write(`error: ${input}: ${e.message}\n`);
      return 1;
    }
    (progress ?? createProgress('catalogue', 0, io.stderr)).done(`${Object.keys(result.lookup.entries).length} entries`);
    for (const s of result.skipped) io.stderr.write(`warning: ${s}; skipped\n`);
    const text = serialiseCatalogue(result.lookup);
    const out = values.out;
    if (typeof out === 'string') {
      writeFileSync(out, text);
      io.stderr.write(`wrote ${out}: ${Object.keys(result.lookup.entries).length} entries${result.skipped.length ? `, ${result.skipped.length} skipped` : ''}\n`);
    } else {
      io.stdout.write(text);
    }
    return 0;
  },
};
