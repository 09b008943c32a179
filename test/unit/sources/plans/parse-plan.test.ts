/** The `parsePlan` entry point: input kinds, format detection, and what throws versus what warns. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPlanFormat, parsePlan, PlanParseError } from '../../../../src/sources/plans';

const FIXTURES = resolve(__dirname, '../../../fixtures/plans');
const read = (name: string): string => readFileSync(resolve(FIXTURES, name), 'utf8');
const NGP = read('ngp-harnosand-3014-en.input.json');

describe('detectPlanFormat', () => {
  it('should tell the three formats apart from text, bytes and objects', () => {
    expect(detectPlanFormat(NGP)).toBe('ngp-detaljplan-4.1');
    expect(detectPlanFormat(NGP.slice(0, 200))).toBe('ngp-detaljplan-4.1');
    expect(detectPlanFormat(new TextEncoder().encode(NGP))).toBe('ngp-detaljplan-4.1');
    expect(detectPlanFormat(JSON.parse(NGP))).toBe('ngp-detaljplan-4.1');
    expect(detectPlanFormat(read('geojson-harnosand.input.json'))).toBe('geojson');
    expect(detectPlanFormat({ type: 'Feature', geometry: null, properties: {} })).toBe('geojson');
    expect(detectPlanFormat('\uFEFF<?xml version="1.0"?>\n<DP_Data xmlns="http://www.sis.se/ss637040">')).toBe('ss637040');
    expect(detectPlanFormat('<?xml version="1.0"?><kml/>')).toBeUndefined();
    expect(detectPlanFormat('hello')).toBeUndefined();
    expect(detectPlanFormat({ type: 'Topology' })).toBeUndefined();
  });
});

describe('parsePlan', () => {
  it('should give the same document from text, an ArrayBuffer, a Uint8Array with a BOM and a parsed object', () => {
    const fromText = parsePlan(NGP);
    const bytes = new TextEncoder().encode('\uFEFF' + NGP);
    expect(parsePlan(bytes)).toEqual(fromText);
    expect(parsePlan(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))).toEqual(fromText);
    expect(parsePlan(JSON.parse(NGP) as object)).toEqual(fromText);
  });

  it('should honour an explicit format', () => {
    expect(parsePlan(NGP, { format: 'ngp-detaljplan-4.1' }).format).toBe('ngp-detaljplan-4.1');
    expect(() => parsePlan(NGP, { format: 'ss637040' })).toThrow(PlanParseError);
  });

  it('should throw a PlanParseError with a clear message when nothing can be read', () => {
    expect(() => parsePlan('')).toThrow(new PlanParseError('The plan file is empty.'));
    expect(() => parsePlan('{"type": "FeatureCollection", "features": [')).toThrow(/^The plan is not valid JSON: /);
    expect(() => parsePlan('hello')).toThrow('Unrecognised plan format: expected NGP Detaljplan 4.1 JSON, SS 637040:2016 GML or GeoJSON.');
    expect(() => parsePlan('<html><body/></html>')).toThrow(/^Unrecognised XML: not an SS 637040:2016 plan/);
    expect(() => parsePlan(read('ngp-broken-empty.input.json'))).toThrow('The plan is empty: its feature collection has no features.');
  });

  it('should throw when no geometry has a usable CRS and none is given, and use options.crs then', () => {
    const doc = JSON.parse(NGP) as { features: { properties: Record<string, { geometri: Record<string, unknown> }[]> }[] };
    for (const f of doc.features) for (const g of f.properties.plangeometri ?? f.properties.bestammelsegeometri!) delete g.geometri.koordinatsystemPlan;
    let error: unknown;
    try {
      parsePlan(doc);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanParseError);
    expect((error as PlanParseError).message).toMatch(/^No usable coordinate system/);
    expect((error as PlanParseError).warnings.length).toBe(doc.features.length);
    const parsed = parsePlan(doc, { crs: 'EPSG:3014' });
    expect(parsed.crs).toBe('EPSG:3014');
    expect(parsed.provisions).toHaveLength(10);
    expect(parsed.warnings.filter((w) => /names no coordinate system/.test(w.message))).toHaveLength(doc.features.length);
  });
});

describe('parsePlan on the broken NGP fixtures', () => {
  const park = 'c0ffee00-0000-4000-8000-0000000000a2';
  const parkFeature = '5e0f6c1a-7d2b-4c3e-9a41-22800000b004';

  it('should skip the self-intersecting park and keep everything else', () => {
    const doc = parsePlan(read('ngp-broken-self-intersecting.input.json'));
    expect(doc.provisions).toHaveLength(9);
    expect(doc.provisions.some((p) => p.id === parkFeature)).toBe(false);
    expect(doc.warnings.filter((w) => w.featureId === parkFeature).map((w) => w.message)).toEqual([
      'Geometry 1 (yta) crosses or touches itself; the polygon was skipped.',
      'The provision has no usable geometry (bestammelsegeometri); it was skipped.',
    ]);
  });

  it('should close the unclosed ring of the park and say so', () => {
    const doc = parsePlan(read('ngp-broken-unclosed-ring.input.json'));
    const p = doc.provisions.find((x) => x.id === parkFeature)!;
    expect(p.geometry.polygons[0]![0]).toHaveLength(4);
    expect(p.useCode).toBe('PARK');
    expect(doc.warnings.find((w) => w.featureId === parkFeature)!.message).toBe('Geometry 1 (yta) was not closed; it was closed by joining its last point to its first.');
  });

  it('should skip the park in an unknown CRS', () => {
    const doc = parsePlan(read('ngp-broken-unknown-crs.input.json'));
    expect(doc.crs).toBe('EPSG:3014');
    expect(doc.provisions.some((p) => p.id === parkFeature)).toBe(false);
    expect(doc.warnings.find((w) => w.featureId === parkFeature)!.message).toBe('Geometry 1 (yta) is in an unknown coordinate system "EPSG:3021"; it was skipped.');
  });

  it('should keep the use with an unknown catalogue UUID and unrecognisable text, without colour, naming the UUID', () => {
    const doc = parsePlan(read('ngp-broken-unknown-uuid.input.json'));
    const p = doc.provisions.find((x) => x.id === parkFeature)!;
    expect(p.useCode).toBeUndefined();
    expect(p.colour).toBeUndefined();
    expect(p.catalogueRef).toBe('deadbeef-0000-4000-8000-000000000000');
    expect(doc.warnings.find((w) => w.featureId === parkFeature)!.message).toBe(
      'Catalogue reference deadbeef-0000-4000-8000-000000000000 is not in the catalogue lookup (release 20251201, 18 entries); its use could not be read from its text “Ytan för Pelles äventyr”, so it has no colour.',
    );
    expect(doc.warnings.some((w) => w.message.includes(park))).toBe(false);
  });

  it('should read a file with the wrong media type, with one file-level warning', () => {
    const doc = parsePlan(read('ngp-broken-wrong-media-type.input.json'));
    expect(doc.provisions).toHaveLength(10);
    expect(doc.warnings[0]).toEqual({ message: 'The media type is "application/vnd.lm.detaljplan.v3+json", not application/vnd.lm.detaljplan.v4+json; the file was read as Detaljplan 4.1 anyway.' });
  });
});
