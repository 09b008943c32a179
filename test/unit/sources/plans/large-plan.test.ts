/**
 * Size: a Detaljplan 4.1 file with 10 000 provision polygons (12 vertices each, EPSG:3014)
 * parses in seconds, and parse time grows linearly with the number of features (no pass over
 * all pairs of features).
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../../src/sources/plans';

function syntheticPlan(n: number): string {
  const features: object[] = [{
    type: 'Feature', geometry: null,
    properties: { 'feature:typ': 'detaljplan', objektidentitet: 'plan', namn: 'Syntetisk', plangeometri: [{ geometri: { typ: 'yta', koordinatsystemPlan: 'EPSG:3014', position: { type: 'Polygon', coordinates: [[[185000, 6947000], [195000, 6947000], [195000, 6957000], [185000, 6957000], [185000, 6947000]]] } } }] },
  }];
  for (let i = 0; i < n; i++) {
    const x = 185000 + (i % 100) * 100;
    const y = 6947000 + Math.floor(i / 100) * 100;
    const ring = Array.from({ length: 12 }, (_, k) => [x + 50 + 40 * Math.cos((k / 12) * 2 * Math.PI), y + 50 + 40 * Math.sin((k / 12) * 2 * Math.PI)]);
    ring.push(ring[0]!);
    const use = i % 2 === 1;
    features.push({
      type: 'Feature', geometry: null,
      properties: {
        'feature:typ': use ? 'användningsbestämmelse' : 'egenskapsbestämmelse', objektidentitet: `f${i}`, detaljplan: 'plan',
        planbestammelsekatalogreferens: 'f9e056a6-cda8-4b92-a15d-dc70d61dfa36',
        bestammelseformulering: use ? 'Bostäder' : 'Högsta nockhöjd är [höjd:decimaltal] meter.',
        ...(use ? {} : { bestammelsevarde: [{ datatyp: 'decimaltal', variabelvarde: '12', beskrivning: 'höjd', vardetyp: 'max', enhet: 'meter' }] }),
        bestammelsegeometri: [{ geometri: { typ: 'yta', koordinatsystemPlan: 'EPSG:3014', position: { type: 'Polygon', coordinates: [ring] } } }],
      },
    });
  }
  return JSON.stringify({ type: 'FeatureCollection', 'feature:mediatyp': 'application/vnd.lm.detaljplan.v4+json', features });
}

function timed(text: string): { ms: number; polygons: number } {
  const t0 = performance.now();
  const doc = parsePlan(text);
  const ms = performance.now() - t0;
  expect(doc.warnings).toEqual([]);
  return { ms, polygons: doc.provisions.reduce((s, p) => s + p.geometry.polygons.length, 0) };
}

describe('parsePlan performance', () => {
  it('should parse 10 000 polygons in seconds, in time linear in their number', { timeout: 180_000 }, () => {
    const smallText = syntheticPlan(2_500);
    const largeText = syntheticPlan(10_000);
    timed(smallText); // warm-up (JIT)
    // Interleaved, fastest of three each, so that load from other processes hits both alike.
    let small = Infinity;
    let large = Infinity;
    for (let r = 0; r < 3; r++) {
      const a = timed(smallText);
      const b = timed(largeText);
      expect(a.polygons).toBe(2_500);
      expect(b.polygons).toBe(10_000);
      small = Math.min(small, a.ms);
      large = Math.min(large, b.ms);
    }
    console.log(`parsePlan: 2 500 polygons ${small.toFixed(0)} ms, 10 000 polygons ${large.toFixed(0)} ms`);
    expect(large).toBeLessThan(15_000);
    // Linear: 4× the features in about 4× the time; a pass over all pairs would be 16×.
    expect(large / small).toBeLessThan(10);
  });
});
