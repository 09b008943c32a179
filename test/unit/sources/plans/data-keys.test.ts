/**
 * Keys that come from data (units, catalogue references, colour names, regulation codes,
 * property names from a scene's mapping) never reach built-in members of plain objects:
 * `constructor`, `__proto__`, `toString` … are ordinary unknown keys.
 */
import { describe, expect, it } from 'vitest';
import { catalogueEntry, colourHex, parsePlan, PlanParseError, SHIPPED_CATALOGUE } from '../../../../src/sources/plans';
import { formatPlanValue } from '../../../../src/sources/plans/format-value';
import { ss637040Code, ss637040UseText } from '../../../../src/sources/plans/ss637040-codes';

const BUILT_IN = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

describe('keys from data', () => {
  it('format-value: should write an unknown unit as it is', () => {
    for (const unit of BUILT_IN) expect(formatPlanValue({ value: 3, unit }, 'sv')).toBe(`3 ${unit}`);
    expect(formatPlanValue({ value: 3, unit: 'meter' }, 'sv')).toBe('3 m');
  });

  it('catalogue: should find no entry for a reference named like a built-in', () => {
    for (const ref of BUILT_IN) expect(catalogueEntry(SHIPPED_CATALOGUE, ref)).toBeUndefined();
    expect(catalogueEntry(SHIPPED_CATALOGUE, 'F9E056A6-CDA8-4B92-A15D-DC70D61DFA36')?.beteckning).toBe('B');
  });

  it('catalogue: should warn about such a reference in a plan, as about any unknown one', () => {
    const ring = [[185100, 6947500], [185200, 6947500], [185200, 6947600], [185100, 6947500]];
    const doc = parsePlan({
      type: 'FeatureCollection',
      'feature:mediatyp': 'application/vnd.lm.detaljplan.v4+json',
      features: [{ type: 'Feature', geometry: null, properties: { 'feature:typ': 'användningsbestämmelse', objektidentitet: 'u', bestammelseformulering: 'Bostäder', planbestammelsekatalogreferens: '__proto__', bestammelsegeometri: [{ geometri: { typ: 'yta', koordinatsystemPlan: 'EPSG:3014', position: { type: 'Polygon', coordinates: [ring] } } }] } }],
    });
    const use = doc.provisions[0]!;
    expect(use).toMatchObject({ useCode: 'B', colour: '#ffffce' });
    expect(doc.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/^Catalogue reference __proto__ is not in the catalogue lookup/));
  });

  it('palette: should know no colour named like a built-in', () => {
    for (const name of BUILT_IN) expect(colourHex(name)).toBeUndefined();
    expect(colourHex('Blågrå')).toBe('#b6cce1');
  });

  it('ss637040-codes: should treat a code named like a built-in as unknown', () => {
    for (const code of BUILT_IN) {
      const info = ss637040Code(code);
      expect(info.known).toBe(false);
      expect(typeof info.template).toBe('string');
      expect(ss637040UseText(code)).toBeUndefined();
    }
  });

  it('geojson: should not read a mapped property that a feature lacks from the object’s built-ins', () => {
    const plan = (properties: object) => ({ type: 'FeatureCollection', features: [{ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [[[17.93, 62.63], [17.94, 62.63], [17.94, 62.64], [17.93, 62.63]]] } }] });
    let error: unknown;
    try {
      parsePlan(plan({ use: 'B' }), { mapping: { use: 'constructor', text: 'toString' } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanParseError);
    expect((error as PlanParseError).warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/has no use, height, prickmark or text property/));
    // a feature that does have such a property is read from it
    expect(parsePlan(plan({ constructor: 'C' }), { mapping: { use: 'constructor' } }).provisions[0]).toMatchObject({ useCode: 'C' });
  });
});
