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

function fastest(text: string, runs: number): { ms: number; polygons: number } {
  let ms = Infinity;
  let polygons = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const doc = parsePlan(text);
    ms = Math.min(ms, performance.now() - t0);
    polygons = doc.provisions.reduce((s, p) => s + p.geometry.polygons.length, 0);
    expect(doc.warnings).toEqual([]);
  }
  return { ms, polygons };
}

describe('parsePlan performance', () => {
  it('should parse 10 000 polygons in seconds, in time linear in their number', { timeout: 120_000 }, () => {
    const small = fastest(syntheticPlan(2_500), 3);
    const large = fastest(syntheticPlan(10_000), 2);
    expect(small.polygons).toBe(2_500);
    expect(large.polygons).toBe(10_000);
    console.log(`parsePlan: 2 500 polygons ${small.ms.toFixed(0)} ms, 10 000 polygons ${large.ms.toFixed(0)} ms`);
    expect(large.ms).toBeLessThan(15_000);
    // Linear: 4× the features in about 4× the time (quadratic would be 16×).
    expect(large.ms / small.ms).toBeLessThan(8);
  });
});
