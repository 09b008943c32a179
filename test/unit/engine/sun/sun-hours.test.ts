import { describe, expect, it } from 'vitest';
import { computeSunHours, summariseHours, type SunHoursInput } from '../../../../src/engine/sun/sun-hours';

/** Two triangles of a horizontal rectangle at height y (x0..x1, z0..z1). */
function rect(x0: number, z0: number, x1: number, z1: number, y: number): number[] {
  return [x0, y, z0, x1, y, z0, x1, y, z1, x0, y, z0, x1, y, z1, x0, y, z1];
}

/** A sun at `altitude` degrees from the south (the scene frame's +z), standing for `hours`. */
function southSun(altitude: number, hours = 1): number[] {
  const a = (altitude * Math.PI) / 180;
  return [0, Math.sin(a), Math.cos(a), hours];
}

const ground = new Float32Array(rect(-200, -200, 200, 200, 0));
// a 10 m high block, 100 m wide, its north face along z = 0 (north is −z)
const block = rect(-50, 0, 50, 12, 10);
const area: [number, number][] = [
  [-20, -30],
  [20, -30],
  [20, 0],
  [-20, 0],
];

function input(over: Partial<SunHoursInput> = {}): SunHoursInput {
  return {
    polygon: area,
    spacing: 1,
    cell: 0.25,
    reach: 150,
    groundFallback: 0,
    suns: new Float32Array(southSun(45)),
    sides: [
      { id: 'today', solid: ground, ground },
      { id: 'proposal', solid: new Float32Array([...ground, ...block]), ground },
    ],
    ...over,
  };
}

describe('computeSunHours', () => {
  it('should shade the ground north of a block as far as its shadow reaches (10 m high, sun 45° up: 10 m)', () => {
    const g = computeSunHours(input());
    expect(g.nx).toBe(40);
    expect(g.nz).toBe(30);
    expect(g.samples).toBe(1200);
    const at = (side: string, x: number, z: number) => g.hours[side]![Math.floor(z - g.z0) * g.nx + Math.floor(x - g.x0)]!;
    // today: no block, sun everywhere
    expect(summariseHours(g.hours.today!, 1)).toMatchObject({ mean: 1, min: 1, max: 1, shareAtLeast: 1, open: 1200 });
    // proposal: shade within 10 m of the face (a cell's width of rounding at the edge), sun beyond
    for (const z of [-0.5, -5.5, -9.5]) expect(at('proposal', 0.5, z), `z = ${z}`).toBe(0);
    for (const z of [-10.5, -20.5, -29.5]) expect(at('proposal', 0.5, z), `z = ${z}`).toBe(1);
    expect(summariseHours(g.hours.proposal!, 1).shareAtLeast).toBeCloseTo(20 / 30, 6);
    expect(g.groundY[0]).toBe(0);
  });

  it('should add up the hours of each sun position that reaches a point', () => {
    // 3 hours at 60° (shadow 5.8 m), 2 hours at 20° (shadow 27.5 m)
    const g = computeSunHours(input({ suns: new Float32Array([...southSun(60, 3), ...southSun(20, 2)]) }));
    const at = (x: number, z: number) => g.hours.proposal![Math.floor(z - g.z0) * g.nx + Math.floor(x - g.x0)]!;
    expect(at(0.5, -3.5)).toBe(0);
    expect(at(0.5, -8.5)).toBe(3);
    expect(at(0.5, -28.5)).toBe(5);
  });

  it('should leave out samples under a building and outside the polygon', () => {
    const g = computeSunHours(
      input({
        polygon: [
          [-10, -10],
          [10, -10],
          [0, 10],
        ],
      }),
    );
    let outside = 0;
    let covered = 0;
    for (let k = 0; k < g.nx * g.nz; k++) {
      if (Number.isNaN(g.groundY[k]!)) outside++;
      else if (Number.isNaN(g.hours.proposal![k]!)) covered++;
    }
    expect(outside).toBeGreaterThan(0);
    expect(covered).toBeGreaterThan(0); // the triangle's tip reaches into the block (z 0…10)
    expect(g.samples).toBe(g.nx * g.nz - outside);
  });

  it('should find the ground under each sample on a slope, and fall back to the ground plane elsewhere', () => {
    const slope = new Float32Array([-200, 0, -200, 200, 0, -200, 200, 20, 200, -200, 0, -200, 200, 20, 200, -200, 20, 200]);
    const g = computeSunHours(input({ sides: [{ id: 'now', solid: slope, ground: slope }] }));
    const k = Math.floor(-15 - g.z0) * g.nx + Math.floor(0 - g.x0);
    expect(g.groundY[k]!).toBeCloseTo(((-14.5 + 200) / 400) * 20, 1);
    const flat = computeSunHours(input({ groundFallback: -3, sides: [{ id: 'now', solid: new Float32Array(), ground: new Float32Array() }] }));
    expect(flat.groundY[0]).toBe(-3);
    expect(flat.hours.now![0]).toBe(1);
  });
});
