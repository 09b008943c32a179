import { describe, expect, it } from 'vitest';
import { PlanIndex } from '../../../../src/layers/zoning/plan-index';
import { createSceneFrame } from '../../../../src/geo';
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

});
