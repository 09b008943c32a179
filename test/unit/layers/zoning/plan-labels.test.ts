import { describe, expect, it } from 'vitest';
import { createSceneFrame } from '../../../../src/geo';
import { buildPlanLabels } from '../../../../src/layers/zoning/plan-labels';
import { ORIGIN, samplePlan } from './plan-fixture';

const frame = createSceneFrame(ORIGIN);

describe('buildPlanLabels', () => {
  const labels = buildPlanLabels(samplePlan(), ORIGIN, 28);
  const at = (i: number) => {
    const [x, y, z] = labels.anchors.subarray(i * 3, i * 3 + 3);
    const [lon, lat, h] = frame.toGeodetic(x!, y!, z!);
    const [e, , s] = frame.toLocal(lon, lat, 28);
    return { east: e, north: -s, height: h };
  };
  const byText = (t: string) => [...labels.text].findIndex((i) => labels.texts[i] === t);

  it('should write a use and the designated properties over the same area together, use first', () => {
    // B and the nockhöjd "13" share a rectangle; the prickmark has no symbol; PARK and GATA stand alone
    expect([...labels.text].map((i) => labels.texts[i]).sort()).toEqual(['B 13', 'GATA', 'PARK']);
  });

  it('should put each label at the point of its area farthest from the edges, 1.5 m over the ground', () => {
    const b = at(byText('B 13'));
    // B is 100 × 50 m from (0, 0): its label stands near the middle, about 25 m from the long edges
    expect(b.east).toBeGreaterThan(30);
    expect(b.east).toBeLessThan(70);
    expect(b.north).toBeGreaterThan(18);
    expect(b.north).toBeLessThan(32);
    expect(b.height).toBeCloseTo(29.5, 1);
    expect(labels.clearance[byText('B 13')]).toBeGreaterThan(18);
    // the park has a hole in its middle: the label avoids it
    const park = at(byText('PARK'));
    const inHole = park.east > 120 && park.east < 140 && park.north > 10 && park.north < 40;
    expect(inHole).toBe(false);
  });

  it('should label a use alone when no designated property shares its area', () => {
    const plan = samplePlan();
    delete plan.provisions[2]!.designation;
    expect(buildPlanLabels(plan, ORIGIN, 28).texts).toContain('B');
  });
});
