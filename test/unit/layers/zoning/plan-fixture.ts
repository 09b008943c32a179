/** A small hand-made plan around a scene origin in Härnösand, in local metres converted to lon/lat. */
import { createSceneFrame, type GeoOrigin } from '../../../../src/geo';
import type { PlanDocument, Polygon, Provision } from '../../../../src/sources/plans/plan-document';

export const ORIGIN: GeoOrigin = { lon: 17.9379, lat: 62.6323, height: 28 };
const frame = createSceneFrame(ORIGIN);

/** A rectangle from (east0, north0) to (east1, north1) metres around the origin, as lon/lat. */
export function rect(east0: number, north0: number, east1: number, north1: number): [number, number][] {
  return [
    [east0, north0],
    [east1, north0],
    [east1, north1],
    [east0, north1],
  ].map(([e, n]) => {
    const [lon, lat] = frame.toGeodetic(e!, ORIGIN.height - ORIGIN.height, -n!);
    return [lon, lat] as [number, number];
  });
}

function provision(p: Partial<Provision> & Pick<Provision, 'id' | 'kind' | 'text'>, polygons: Polygon[]): Provision {
  return { planId: 'plan-1', values: [], geometry: { polygons, lines: [], points: [] }, ...p };
}

export function samplePlan(): PlanDocument {
  return {
    format: 'ngp-detaljplan-4.1',
    crs: 'EPSG:3014',
    axisOrder: 'EN',
    axisOrderNote: 'Coordinates read as (E, N).',
    heightSystem: 'EPSG:5613',
    plans: [{ id: 'plan-1', name: 'Testplan', status: 'samråd', decisions: [], boundary: [[rect(-60, -60, 160, 60)]] }],
    provisions: [
      provision({ id: 'b', kind: 'användning', text: 'Bostäder', designation: 'B', useCode: 'B', colour: '#fff27f', landUse: 'kvartersmark' }, [[rect(0, 0, 100, 50)]]),
      provision({ id: 'gata', kind: 'användning', text: 'Lokalgata', designation: 'GATA', useCode: 'GATA', colour: '#d9d9d9' }, [[rect(-50, -50, 150, 0)]]),
      provision(
        { id: 'h', kind: 'egenskap', text: 'Högsta nockhöjd är 13 meter', designation: '13', values: [{ name: 'hojd', value: 13, unit: 'meter', valueType: 'max' }], heightLimit: { kind: 'nockhöjd', metres: 13, reference: 'mark' } },
        [[rect(0, 0, 100, 50)]],
      ),
      provision({ id: 'p', kind: 'egenskap', text: 'Marken får inte förses med byggnad', noBuild: true }, [[rect(0, 0, 100, 8)]]),
      provision({ id: 'park', kind: 'användning', text: 'Park', designation: 'PARK', useCode: 'PARK', colour: '#b5d98c' }, [[rect(110, 0, 150, 50), rect(120, 10, 140, 40)]]),
      provision({ id: 'g', kind: 'administrativ', text: 'Genomförandetiden är 5 år från den dag planen vinner laga kraft.', values: [{ name: 'genomförandetid', value: 5, unit: 'år', valueType: 'exakt' }] }, [[rect(-60, -60, 160, 60)]]),
    ],
    warnings: [],
  };
}
