/**
 * The NGP fixtures against Lantmäteriet's published schemas (Detaljplan 4.1, Geometri 2.0,
 * Geometrimetadata 2.0.1, from ../shared/data/ngp-detaljplan-4.1-spec), with a small draft-04
 * validator (./json-schema-lite). Lantmäteriet's GeoJSON 1.1 schema, which these `$ref`, is not
 * available offline: it is stood in for by the minimal RFC 7946 shapes below (feature collection,
 * feature, and the coordinate nesting of each geometry type), which are ours.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate, type Schema } from './json-schema-lite';

const REPO = resolve(__dirname, '../../../..');
const DATA = process.env.TWIN_DATA_DIR ? resolve(REPO, process.env.TWIN_DATA_DIR) : resolve(REPO, '..', 'shared', 'data');
const SPEC = join(DATA, 'ngp-detaljplan-4.1-spec');
const FIXTURES = join(REPO, 'test/fixtures/plans');
const present = existsSync(join(SPEC, 'detaljplan-4.1.json'));

const position = { type: 'array', minItems: 2, items: { type: 'number' } };
const line = { type: 'array', minItems: 2, items: position };
const ring = { type: 'array', minItems: 4, items: position };
const polygon = { type: 'array', minItems: 1, items: ring };
const geometry = (type: string, coordinates: object): Schema => ({ type: 'object', required: ['type', 'coordinates'], properties: { type: { enum: [type] }, coordinates } });
/** Stand-in for Lantmäteriet's geojson-1.1.json (not available offline): RFC 7946 shapes only. */
const GEOJSON_STAND_IN: Schema = {
  definitions: {
    featurecollection: { type: 'object', required: ['type', 'features'], properties: { type: { enum: ['FeatureCollection'] }, features: { type: 'array' } } },
    feature: { type: 'object', required: ['type', 'geometry', 'properties'], properties: { type: { enum: ['Feature'] }, properties: { type: 'object' } } },
    point: geometry('Point', position),
    linestring: geometry('LineString', line),
    polygon: geometry('Polygon', polygon),
    multipoint: geometry('MultiPoint', { type: 'array', items: position }),
    multilinestring: geometry('MultiLineString', { type: 'array', items: line }),
    multipolygon: geometry('MultiPolygon', { type: 'array', items: polygon }),
    geometrycollection: { type: 'object', required: ['type', 'geometries'], properties: { type: { enum: ['GeometryCollection'] }, geometries: { type: 'array' } } },
  },
};

describe.skipIf(!present)('NGP fixtures against the Detaljplan 4.1 schema', () => {
  const load = (name: string): Schema => JSON.parse(readFileSync(join(SPEC, name), 'utf8')) as Schema;
  const detaljplan = present ? load('detaljplan-4.1.json') : {};
  const documents = new Map<string, Schema>(present ? [
    ['http://namespace.lantmateriet.se/distribution/geodatakatalog/geometri/geometri-2.0.json', load('geometri-2.0.json')],
    ['http://namespace.lantmateriet.se/distribution/geodatakatalog/geometri/geometrimetadata-2.0.1.json', load('geometrimetadata-2.0.1.json')],
    ['http://namespace.lantmateriet.se/distribution/produkter/geojson/v1.1/geojson-1.1.json', GEOJSON_STAND_IN],
  ] : []);
  const check = (doc: unknown): string[] => validate(doc, detaljplan, detaljplan, { documents });
  const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

  it.each(['ngp-harnosand-3014-en.input.json', 'ngp-harnosand-3006-ne.input.json', 'ngp-broken-unclosed-ring.input.json', 'ngp-broken-self-intersecting.input.json', 'ngp-broken-unknown-uuid.input.json', 'ngp-broken-empty.input.json'])('%s should be valid', (name) => {
    expect(check(fixture(name))).toEqual([]);
  });

  it('should find the deliberate schema violations of the broken fixtures', () => {
    expect(check(fixture('ngp-broken-wrong-media-type.input.json'))).toEqual([
      '$.feature:mediatyp: "application/vnd.lm.detaljplan.v3+json" is not one of ["application/vnd.lm.detaljplan.v4+json"]',
    ]);
    const unknownCrs = check(fixture('ngp-broken-unknown-crs.input.json'));
    expect(unknownCrs).toHaveLength(1);
    expect(unknownCrs[0]).toMatch(/^\$\.features\[4\]: matches 0 of oneOf/);
  });

  it('should catch what the validator is for: a missing required field and a wrong enum', () => {
    const doc = fixture('ngp-harnosand-3014-en.input.json') as { features: { properties: Record<string, unknown> }[] };
    const plan = doc.features[0]!;
    delete plan.properties.namn;
    plan.properties.status = 'klar';
    expect(validate(plan, { $ref: '#/definitions/detaljplanFeature' }, detaljplan, { documents })).toEqual([
      '$.properties: missing required "namn"',
      '$.properties.status: "klar" is not one of ["påbörjad","samråd","granskning","antagen","överklagad","tillsyn","laga kraft","upphävd","avslutad"]',
    ]);
    expect(check(doc)).toHaveLength(1);
  });
});
