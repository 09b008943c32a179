import { describe, expect, it } from 'vitest';
import { buildPlanIndex, PlanIndex } from '../../../../src/layers/zoning/plan-index';
import { createSceneFrame } from '../../../../src/geo';
import { parsePlan } from '../../../../src/sources/plans';
import { planWideNgp } from '../../../../tools/fixtures/hostile-plans';
import { ORIGIN, rect, samplePlan } from './plan-fixture';

const frame = createSceneFrame(ORIGIN);
const at = (east: number, north: number) => frame.toGeodetic(east, 0, -north);

describe('PlanIndex', () => {
  const index = new PlanIndex(samplePlan());
  const ids = (east: number, north: number) => {
    const [lon, lat] = at(east, north);
    return index.at(lon, lat).provisions.map((p) => p.id);
  };

  it('should list every provision at a point, use first and administrative last', () => {
    expect(ids(50, 4)).toEqual(['b', 'h', 'p', 'g']);
    expect(ids(50, 30)).toEqual(['b', 'h', 'g']);
    expect(ids(50, -20)).toEqual(['gata', 'g']);
  });

  it('should respect holes and the plan boundary', () => {
    expect(ids(115, 25)).toEqual(['park', 'g']);
    expect(ids(130, 25)).toEqual(['g']);
    expect(ids(500, 500)).toEqual([]);
    const [lon, lat] = at(50, 4);
    expect(index.at(lon, lat).plans.map((p) => p.name)).toEqual(['Testplan']);
  });

  // (query time against the number of areas: `npm run bench -- --only algorithms`)
  it('should find the one area under a point among 10 000, and none in the 1 m gaps between them', () => {
    const plan = samplePlan();
    plan.provisions = [];
    for (let i = 0; i < 100; i++) {
      for (let j = 0; j < 100; j++) {
        plan.provisions.push({ id: `a${i}-${j}`, planId: 'plan-1', kind: 'användning', text: 'Bostäder', values: [], geometry: { polygons: [[rect(i * 10, j * 10, i * 10 + 9, j * 10 + 9)]], lines: [], points: [] } });
      }
    }
    const big = new PlanIndex(plan);
    const [lon, lat] = at(455, 734);
    expect(big.at(lon, lat).provisions.map((p) => p.id)).toEqual(['a45-73']);
    const [lon2, lat2] = at(459.5, 734);
    expect(big.at(lon2, lat2).provisions).toEqual([]);
  });

  it('should index 8,000 plan-wide provisions in memory linear in their number, and find them all', () => {
    const doc = parsePlan(planWideNgp());
    const data = buildPlanIndex(doc);
    // an R-tree: a few dozen bytes per box (a grid copied every plan-wide box into every cell)
    expect(data.provisions!.byteLength).toBeLessThan(8_001 * 64);
    const index = new PlanIndex(doc, data);
    const plan = doc.plans[0]!.boundary[0]![0]!;
    const centre = doc.provisions.find((p) => p.id === 'b')!.geometry.polygons[0]![0]!;
    const [lon, lat] = [(centre[0]![0] + centre[2]![0]) / 2, (centre[0]![1] + centre[2]![1]) / 2];
    const here = index.at(lon, lat);
    expect(here.provisions).toHaveLength(8_001);
    expect(here.provisions[0]!.id).toBe('b');
    expect(here.provisions.slice(1).map((p) => p.id)).toEqual(doc.provisions.slice(1).map((p) => p.id));
    expect(here.plans).toHaveLength(1);
    // just inside the plan's corner, outside the small use area and outside the shrunk admin squares
    const [lon2, lat2] = [plan[0]![0] + 1e-6, plan[0]![1] + 1e-6];
    expect(index.at(lon2, lat2).provisions.map((p) => p.id)).toEqual(doc.provisions.filter((p) => p.id.startsWith('a') && Number(p.id.slice(1)) % 7 === 0).map((p) => p.id));
  });

  it('should answer the same from its data after a trip through postMessage (built in the worker)', () => {
    const doc = samplePlan();
    const data = buildPlanIndex(doc);
    const copy = structuredClone(data, { transfer: [data.provisions!, data.plans!] });
    const index = new PlanIndex(doc, copy);
    const [lon, lat] = at(50, 4);
    expect(index.at(lon, lat).provisions.map((p) => p.id)).toEqual(['b', 'h', 'p', 'g']);
    expect(index.at(lon, lat).plans.map((p) => p.id)).toEqual(['plan-1']);
  });

  it('should answer nothing for a plan without areas', () => {
    const doc = { ...samplePlan(), plans: [], provisions: [] };
    const [lon, lat] = at(50, 4);
    expect(new PlanIndex(doc).at(lon, lat)).toEqual({ plans: [], provisions: [] });
  });
});
