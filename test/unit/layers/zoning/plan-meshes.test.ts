import { describe, expect, it } from 'vitest';
import { buildPlanMeshes } from '../../../../src/layers/zoning/plan-meshes';
import type { MeshArrays } from '../../../../src/layers/zoning/mesh-buffers';
import { PATTERN } from '../../../../src/layers/zoning/mesh-buffers';
import { FALLBACK_COLOUR } from '../../../../src/sources/plans';
import { ORIGIN, rect, samplePlan } from './plan-fixture';

/** Signed volume of a closed triangle mesh (divergence theorem); positive when faces point outwards. */
function signedVolume(m: MeshArrays, from = 0, to = m.indices.length): number {
  let v = 0;
  const p = m.positions;
  for (let t = from; t < to; t += 3) {
    const a = m.indices[t]! * 3, b = m.indices[t + 1]! * 3, c = m.indices[t + 2]! * 3;
    v += p[a]! * (p[b + 1]! * p[c + 2]! - p[b + 2]! * p[c + 1]!) - p[a + 1]! * (p[b]! * p[c + 2]! - p[b + 2]! * p[c]!) + p[a + 2]! * (p[b]! * p[c + 1]! - p[b + 1]! * p[c]!);
  }
  return v / 6;
}

describe('buildPlanMeshes', () => {
  const geometry = buildPlanMeshes(samplePlan(), { origin: ORIGIN, groundHeight: 28, drapeRange: 10 });

  it('should count fills, patterns, outlines and envelopes', () => {
    expect(geometry.counts).toEqual({ fills: 3, patterns: 1, outlines: 6, envelopes: 1 });
    expect(geometry.warnings).toEqual([]);
  });

  it('should make the envelope a closed, outward-facing prism of 100 × 50 × 13 m', () => {
    expect(signedVolume(geometry.envelopes)).toBeCloseTo(100 * 50 * 13, -2);
    let top = -Infinity;
    for (let i = 1; i < geometry.envelopes.positions.length; i += 3) top = Math.max(top, geometry.envelopes.positions[i]!);
    expect(top).toBeCloseTo(13, 1);
    // 12 edges per box-shaped prism ring: 4 top edges + 4 verticals, 2 vertices each
    expect(geometry.envelopeEdges.length / 3).toBe(16);
  });

  it('should batch volumes by colour: fills, then patterns, then outlines on top', () => {
    const kinds = geometry.drape.map((b) => `${b.kind}:${b.mesh.colours.slice(0, 3).join(',')}`);
    // B yellow, GATA grey, PARK green, prickmark dots, outlines
    expect(kinds).toEqual(['fill:255,242,127', 'fill:217,217,217', 'fill:181,217,140', 'pattern:40,40,40', 'outline:20,20,20']);
    const dots = geometry.drape[3]!.mesh;
    expect([...dots.patterns].every((p) => p === PATTERN.dots)).toBe(true);
    const outlines = geometry.drape[4]!.mesh;
    for (let i = 1; i < outlines.offsets.length; i += 3) expect(outlines.offsets[i]).toBeGreaterThan(0);
    for (const b of geometry.drape.slice(0, 4)) expect([...b.mesh.offsets].every((o) => o === 0)).toBe(true);
    // every vertex of a batch has its batch colour
    for (const b of geometry.drape) {
      const c = b.mesh.colours;
      for (let i = 0; i < c.length; i += 4) expect([c[i], c[i + 1], c[i + 2], c[i + 3]]).toEqual([c[0], c[1], c[2], c[3]]);
    }
    expect(geometry.drape[0]!.mesh.colours[3]).toBeGreaterThan(100);
    expect(geometry.drape[0]!.mesh.colours[3]).toBeLessThan(255);
  });

  it('should make every drape volume closed and outward-facing (their volumes add up)', () => {
    // each 20 m tall: B 100×50, GATA 200×50, PARK 40×50 minus a 20×30 hole, prickmark 100×8
    const v = geometry.drape.map((b) => signedVolume(b.mesh));
    expect(v[0]).toBeCloseTo(100 * 50 * 20, -2);
    expect(v[1]).toBeCloseTo(200 * 50 * 20, -2);
    expect(v[2]).toBeCloseTo((40 * 50 - 20 * 30) * 20, -2);
    expect(v[3]).toBeCloseTo(100 * 8 * 20, -2);
    // outline boxes have zero width in the buffers (the shader widens them on screen)
    expect(Math.abs(v[4]!)).toBeLessThan(1e-3);
  });

  it('should draw an edge that areas share only once, at the widest width', () => {
    // boundary 4 + B 4 + GATA 4 + PARK 4 + its hole 4 + prickmark 3 (its south edge is B's); h is B's rectangle
    const outlines = geometry.drape.at(-1)!.mesh;
    expect(outlines.positions.length / 3).toBe(23 * 8);
    // B's south edge keeps the use-area width (1.1 px), not the property width (0.7 px)
    const widths = new Set<number>();
    for (let i = 1; i < outlines.offsets.length; i += 3) widths.add(Math.round(outlines.offsets[i]! * 10) / 10);
    expect([...widths].sort()).toEqual([0.7, 1.1, 2.2]);
  });

  it('should draw the same area twice in one colour only once', () => {
    const plan = samplePlan();
    plan.provisions.push({ ...plan.provisions[0]!, id: 'b2' });
    const g = buildPlanMeshes(plan, { origin: ORIGIN, groundHeight: 28, drapeRange: 10 });
    expect(signedVolume(g.drape[0]!.mesh)).toBeCloseTo(100 * 50 * 20, -2);
  });

  it('should put prickmark and korsmark in batches of their own, so that where they overlap both are drawn', () => {
    const plan = samplePlan();
    plan.provisions.push({ id: 'k', planId: 'plan-1', kind: 'egenskap', text: 'Marken får endast förses med komplementbyggnad.', values: [], geometry: { polygons: [[rect(50, 0, 150, 8)]], lines: [], points: [] } });
    const g = buildPlanMeshes(plan, { origin: ORIGIN, groundHeight: 28, drapeRange: 10 });
    const patterns = g.drape.filter((b) => b.kind === 'pattern').map((b) => new Set(b.mesh.patterns));
    expect(patterns).toEqual([new Set([PATTERN.dots]), new Set([PATTERN.crosses])]);
  });

  it('should warn about a use without a colour and an envelope below the ground', () => {
    const plan = samplePlan();
    delete plan.provisions[0]!.colour;
    plan.provisions[2]!.heightLimit = { kind: 'totalhöjd', metres: -2, reference: 'mark' };
    const g = buildPlanMeshes(plan, { origin: ORIGIN, groundHeight: 28, drapeRange: 10 });
    expect(g.warnings.map((w) => `${w.featureId}: ${w.message}`)).toEqual([
      'b: No colour is known for the use “B”; it is drawn grey.',
      'h: The totalhöjd of -2 m (over the ground) lies at or below the ground; no envelope is drawn.',
    ]);
    expect(g.counts.envelopes).toBe(0);
    // drawn in the palette's documented fallback colour
    const rgb = [1, 3, 5].map((i) => parseInt(FALLBACK_COLOUR.slice(i, i + 2), 16));
    expect([...g.drape[0]!.mesh.colours.slice(0, 3)]).toEqual(rgb);
  });

  it('should place heights over nollplanet with the geoid (RH 2000 + about 24 m in Härnösand)', () => {
    const plan = samplePlan();
    plan.provisions[2]!.heightLimit = { kind: 'totalhöjd', metres: 20, reference: 'nollplan' };
    const g = buildPlanMeshes(plan, { origin: ORIGIN, groundHeight: 28, drapeRange: 10 });
    let top = -Infinity;
    for (let i = 1; i < g.envelopes.positions.length; i += 3) top = Math.max(top, g.envelopes.positions[i]!);
    // 20 m RH 2000 + N ≈ 24 m = 44 m ellipsoidal; the origin is at 28 m
    expect(top).toBeGreaterThan(44 - 28 - 1.5);
    expect(top).toBeLessThan(44 - 28 + 1.5);
  });
});
