/**
 * The stencil passes of a drape batch: every batch counts (back faces up, front faces down) so
 * that overlapping volumes of one colour add up instead of cancelling as a parity bit would.
 */
import { describe, expect, it } from 'vitest';
import { BackSide, DecrementWrapStencilOp, FrontSide, IncrementWrapStencilOp, KeepStencilOp, ZeroStencilOp } from 'three';
import { createDrapeMaterials, createDrapeUniforms, DRAPE_PASSES } from '../../../../src/layers/drape/drape-materials';

describe('createDrapeMaterials', () => {
  const [up, down, colour] = createDrapeMaterials(createDrapeUniforms());

  it('should count the volumes a surface lies in: back faces behind it add 1, front faces behind it subtract 1', () => {
    expect(createDrapeMaterials(createDrapeUniforms())).toHaveLength(DRAPE_PASSES);
    expect(up).toMatchObject({ side: BackSide, colorWrite: false, depthWrite: false, depthTest: true, stencilZFail: IncrementWrapStencilOp, stencilZPass: KeepStencilOp, stencilWriteMask: 0x7f });
    expect(down).toMatchObject({ side: FrontSide, colorWrite: false, depthWrite: false, depthTest: true, stencilZFail: DecrementWrapStencilOp, stencilZPass: KeepStencilOp, stencilWriteMask: 0x7f });
  });

  it('should colour where the count is not zero, once, clearing it', () => {
    expect(colour).toMatchObject({ side: BackSide, depthTest: false, stencilFuncMask: 0x7f, stencilRef: 0, stencilZPass: ZeroStencilOp, stencilWriteMask: 0x7f });
  });

  it('should leave a pixel inside two overlapping volumes coloured (a parity bit would cancel it)', () => {
    // a surface point inside two volumes, seen from outside both: both exits (back faces) lie
    // behind it, both entries (front faces) in front of it
    const ops = { [IncrementWrapStencilOp]: (v: number) => (v + 1) & 0x7f, [DecrementWrapStencilOp]: (v: number) => (v - 1) & 0x7f } as Record<number, (v: number) => number>;
    let count = 0;
    for (let volume = 0; volume < 2; volume++) count = ops[up!.stencilZFail]!(count);
    expect(count).toBe(2);
    expect(count & colour!.stencilFuncMask).toBeGreaterThan(colour!.stencilRef);
  });
});
