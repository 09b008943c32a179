/** Layout sanity of the demo generator over several seeds (no files written). */
import { describe, expect, it } from 'vitest';
import { generateBuildings } from '../../../tools/demo/buildings';
import { generateProposal } from '../../../tools/demo/proposal';
import { AREA_HALF, generateTown } from '../../../tools/demo/town';
import { bbox, convexOverlap, offsetConvex, pointInPolygon, type Polygon } from '../../../tools/lib/geom2d';
import { createRng } from '../../../tools/lib/prng';

describe.each([0, 1, 2, 1585])('demo layout, seed %i', (seed) => {
  const rng = createRng(seed);
  const town = generateTown(rng);
  const buildings = generateBuildings(town, rng);
  const proposal = generateProposal(town, rng);

  it('has the special blocks, water south of the centre and blocks inside the area', () => {
    const kinds = new Set(town.blocks.map((b) => b.kind));
    for (const k of ['library', 'square', 'church', 'school', 'park', 'vacant', 'perimeter', 'villa'] as const) expect(kinds).toContain(k);
    const library = town.blocks.find((b) => b.kind === 'library')!;
    expect(pointInPolygon([0, 0], library.polygon)).toBe(true);
    // the strait runs west–east south of the centre
    for (const [x, y] of town.northShore) if (Math.abs(x) <= AREA_HALF) expect(y).toBeLessThan(-100);
    for (const b of town.blocks) {
      const bb = bbox(b.polygon);
      expect(Math.max(-bb.minX, bb.maxX, -bb.minY, bb.maxY)).toBeLessThanOrEqual(AREA_HALF);
    }
  });

  it('has 400–800 buildings with unique ids, 1–6 storeys of 3.2 m, on their blocks, not overlapping', () => {
    expect(buildings.length).toBeGreaterThanOrEqual(400);
    expect(buildings.length).toBeLessThanOrEqual(800);
    expect(new Set(buildings.map((b) => b.id)).size).toBe(buildings.length);
    const all = [...buildings, ...proposal.buildings];
    const parts: { id: string; fp: Polygon; bb: ReturnType<typeof bbox> }[] = [];
    for (const b of all) {
      expect(b.storeys).toBeGreaterThanOrEqual(1);
      expect(b.storeys).toBeLessThanOrEqual(b.id.startsWith('HND-P') ? 7 : 6);
      expect(b.height).toBeGreaterThanOrEqual(b.storeys * 3.2 - 1e-6);
      for (const p of b.parts) {
        if (p.base === 0) parts.push({ id: b.id, fp: p.footprint, bb: bbox(p.footprint) });
      }
    }
    for (const p of parts) {
      const block = town.blocks.find((bl) => p.fp.every((q) => pointInPolygon(q, offsetConvex(bl.polygon, -0.05) ?? bl.polygon)));
      expect(block, `${p.id} lies on one block`).toBeDefined();
    }
    let overlaps = 0;
    for (let i = 0; i < parts.length; i++) {
      for (let j = i + 1; j < parts.length; j++) {
        const a = parts[i]!;
        const c = parts[j]!;
        if (a.id === c.id || a.bb.maxX < c.bb.minX || c.bb.maxX < a.bb.minX || a.bb.maxY < c.bb.minY || c.bb.maxY < a.bb.minY) continue;
        if (convexOverlap(a.fp, c.fp, -0.05)) overlaps++;
      }
    }
    expect(overlaps).toBe(0);
  });

  it('puts a 10–20 building proposal on the vacant block', () => {
    expect(proposal.buildings.length).toBeGreaterThanOrEqual(10);
    expect(proposal.buildings.length).toBeLessThanOrEqual(20);
    const site = town.blocks.find((b) => b.kind === 'vacant')!;
    expect(proposal.site).toBe(site.polygon);
    for (const b of proposal.buildings) for (const p of b.parts) for (const q of p.footprint) expect(pointInPolygon(q, site.polygon)).toBe(true);
  });
});
