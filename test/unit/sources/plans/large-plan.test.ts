/**
 * Size: a Detaljplan 4.1 file with 10 000 provision polygons (12 vertices each, EPSG:3014) is read
 * whole and right. How fast, and that the time grows linearly with the number of polygons, is
 * measured by `npm run bench -- --only algorithms` (bench/algorithms.ts), not here.
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

describe('a large plan', () => {
  it('should read all 10 000 polygons with their values and no warnings', () => {
    const doc = parsePlan(syntheticPlan(10_000));
    expect(doc.warnings).toEqual([]);
    expect(doc.provisions).toHaveLength(10_000);
    expect(doc.provisions.reduce((s, p) => s + p.geometry.polygons.length, 0)).toBe(10_000);
    expect(doc.provisions.filter((p) => p.kind === 'användning')).toHaveLength(5_000);
    const heights = doc.provisions.filter((p) => p.heightLimit);
    expect(heights).toHaveLength(5_000);
    for (const h of heights) expect(h.heightLimit).toEqual({ kind: 'nockhöjd', metres: 12, reference: 'mark' });
    // the last one in its place, north-east of the first (row 99, column 99 of the 100 m grid): a 12-gon (rings are kept unclosed)
    const last = doc.provisions.find((p) => p.id === 'f9999')!;
    const ring = last.geometry.polygons[0]![0]!;
    expect(ring).toHaveLength(12);
    const first = doc.provisions.find((p) => p.id === 'f0')!.geometry.polygons[0]![0]!;
    expect(ring[0]![0]).toBeGreaterThan(first[0]![0]);
    expect(ring[0]![1]).toBeGreaterThan(first[0]![1]);
  });
});
