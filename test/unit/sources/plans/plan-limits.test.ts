/**
 * Hostile and oversized plans (tools/fixtures/hostile-plans.ts): areas referred to thousands of
 * times are read once per provision and converted once, and a plan whose areas exceed the caps
 * on vertices or polygons stops with an error that names the cap, in every format.
 */
import { describe, expect, it } from 'vitest';
import { manyVerticesGeoJson, planWideNgp, repeatedXlinkSs637040 } from '../../../../tools/fixtures/hostile-plans';
import { formatNumber } from '../../../../src/shared/format-number';
import { parsePlan, PLAN_LIMITS, PlanParseError } from '../../../../src/sources/plans';

function parseError(run: () => unknown): PlanParseError {
  try {
    run();
  } catch (e) {
    if (e instanceof PlanParseError) return e;
    throw e;
  }
  throw new Error('expected a PlanParseError');
}

describe('plan limits', () => {
  describe('an SS 637040 area referred to thousands of times', () => {
    const xml = repeatedXlinkSs637040();

    it('should be the 212 KB hostile file', () => {
      expect(xml.length).toBeGreaterThan(205_000);
      expect(xml.length).toBeLessThan(220_000);
      expect(xml.split('xlink:href="#O1"').length - 1).toBe(3 * 2_420);
    });

    it('should give each provision the area once, converted once for all of them', () => {
      const doc = parsePlan(xml);
      expect(doc.provisions.map((p) => p.geometry.polygons.length)).toEqual([1, 1, 1]);
      const [use, height, prick] = doc.provisions;
      expect(use!.geometry.polygons[0]).toBe(height!.geometry.polygons[0]);
      expect(prick!.geometry.polygons[0]).toBe(use!.geometry.polygons[0]);
      expect(use!.geometry.polygons[0]![0]).toHaveLength(256);
      expect(height!.heightLimit).toEqual({ kind: 'nockhöjd', metres: 13, reference: 'mark' });
      expect(prick!.noBuild).toBe(true);
    });

    it('should say how often each provision repeated the reference', () => {
      const doc = parsePlan(xml);
      const repeats = doc.warnings.filter((w) => /refers to area #O1 2420 times; it was read once/.test(w.message));
      expect(repeats.map((w) => w.featureId)).toEqual(doc.provisions.map((p) => p.id));
    });

    it('should use a boundary line that an area lists twice once, with a warning', () => {
      const twice = xml.replace('<plus xlink:href="#L1"/>', '<plus xlink:href="#L1"/><plus xlink:href="#L1"/><plus xlink:href="#L1"/>');
      const doc = parsePlan(twice);
      expect(doc.provisions[0]!.geometry.polygons[0]![0]).toHaveLength(256);
      expect(doc.warnings).toContainEqual({ featureId: '#O1', message: 'Area #O1 lists boundary line #L1 3 times; it was used once.' });
    });

    it('should count every provision’s use of the area against the caps', () => {
      // 3 provisions × 256 vertices, plus the plan boundary's 4
      expect(() => parsePlan(xml, { limits: { vertices: 3 * 256 + 4 } })).not.toThrow();
      const e = parseError(() => parsePlan(xml, { limits: { vertices: 3 * 256 + 3 } }));
      expect(e.message).toBe('The plan is too large to draw: its areas have more than 771 vertices in all (the limit). No part of it is drawn.');
    });
  });

  describe('caps in every format', () => {
    it('should stop an NGP plan with more polygons than the cap, naming the cap', () => {
      const plan = planWideNgp(100);
      expect(() => parsePlan(plan, { limits: { polygons: 102 } })).not.toThrow();
      const e = parseError(() => parsePlan(plan, { limits: { polygons: 101 } }));
      expect(e.message).toBe('The plan is too large to draw: its areas have more than 101 polygons in all (the limit). No part of it is drawn.');
    });

    it('should stop a GeoJSON area with more vertices than the cap, naming the cap', () => {
      const plan = manyVerticesGeoJson(2_000);
      expect(() => parsePlan(plan, { limits: { vertices: 2_001 } })).not.toThrow();
      expect(parseError(() => parsePlan(plan, { limits: { vertices: 1_999 } })).message).toMatch(/more than 1999 vertices in all \(the limit\)/);
    });

    it('should refuse SS 637040 GML longer than its cap before reading the XML (it costs ~20 bytes of memory a character)', () => {
      const xml = repeatedXlinkSs637040(10);
      expect(() => parsePlan(xml, { limits: { gmlCharacters: xml.length } })).not.toThrow();
      const e = parseError(() => parsePlan(xml, { limits: { gmlCharacters: 20_000 } }));
      expect(e.message).toBe(`The plan is too large to read: its GML has ${formatNumber(xml.length, 'en')} characters, more than 20,000 (the limit for SS 637040 files). No part of it is drawn.`);
    });

    it('should apply the default caps, which real plans stay far below', () => {
      expect(PLAN_LIMITS).toEqual({ vertices: 250_000, polygons: 25_000, gmlCharacters: 16 * 1_048_576 });
      const e = parseError(() => parsePlan(manyVerticesGeoJson(PLAN_LIMITS.vertices + 1)));
      expect(e.message).toMatch(/more than 250,000 vertices in all \(the limit\)/);
    });

    it('should read 8,000 plan-wide provisions (within the caps)', () => {
      const doc = parsePlan(planWideNgp());
      expect(doc.provisions).toHaveLength(8_001);
      expect(doc.warnings).toEqual([]);
    });
  });
});
