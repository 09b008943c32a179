/**
 * The NGP fixtures against Lantmäteriet's published schemas (Detaljplan 4.1, Geometri 2.0,
 * Geometrimetadata 2.0.1, from ../shared/data/ngp-detaljplan-4.1-spec), with the same small
 * draft-04 validator the NGP writer is checked with (tools/lib/ngp-schema.ts; Lantmäteriet's
 * GeoJSON 1.1 schema, not available offline, is stood in for by RFC 7946 shapes there).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNgpSchemas, validateNgp } from '../../../../tools/lib/ngp-schema';
import { sharedData } from '../../../shared-data';

const REPO = resolve(__dirname, '../../../..');
const SPEC = sharedData('ngp-detaljplan-4.1-spec', 'the NGP fixtures against the Detaljplan 4.1 schema');
const FIXTURES = join(REPO, 'test/fixtures/plans');

describe.skipIf(!SPEC)('NGP fixtures against the Detaljplan 4.1 schema', () => {
  const registry = SPEC ? loadNgpSchemas(SPEC) : new Map();
  const check = (doc: unknown): string[] => validateNgp(doc, registry).map((i) => `${i.path}: ${i.message}`);
  const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

  it.each(['ngp-harnosand-3014-en.input.json', 'ngp-harnosand-3006-ne.input.json', 'ngp-broken-unclosed-ring.input.json', 'ngp-broken-self-intersecting.input.json', 'ngp-broken-unknown-uuid.input.json', 'ngp-broken-empty.input.json'])('%s should be valid', (name) => {
    expect(check(fixture(name))).toEqual([]);
  });

  it('should find the deliberate schema violations of the broken fixtures', () => {
    expect(check(fixture('ngp-broken-wrong-media-type.input.json'))).toEqual([
      '$.feature:mediatyp: expected one of "application/vnd.lm.detaljplan.v4+json", got "application/vnd.lm.detaljplan.v3+json"',
    ]);
    const unknownCrs = check(fixture('ngp-broken-unknown-crs.input.json'));
    expect(unknownCrs[0]).toMatch(/^\$\.features\[4\]: matches none of \d+ alternatives \(oneOf\)/);
    expect(unknownCrs.join('\n')).toMatch(/EPSG:3021/);
  });

  it('should catch a missing required field and a wrong enum', () => {
    const doc = fixture('ngp-harnosand-3014-en.input.json') as { features: { properties: Record<string, unknown> }[] };
    const plan = doc.features[0]!;
    delete plan.properties.namn;
    plan.properties.status = 'klar';
    const issues = check(doc);
    expect(issues.join('\n')).toMatch(/missing required property "namn"/);
    expect(issues.join('\n')).toMatch(/"samråd".*got "klar"/);
  });
});
