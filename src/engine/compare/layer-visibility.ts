/**
 * Shows one side of a comparison for the length of a render pass by toggling the `visible`
 * flag of the compared layers' root objects, and puts the flags back afterwards, so that
 * outside the render the layer views (which set `visible` from the spec) stay in charge.
 * A layer whose spec hides it stays hidden on both sides. Allocation-free after warm-up.
 */
import type { Object3D } from 'three';
import type { Comparison } from '../../spec';
import type { ComparisonSide } from '../../state/compare-store';

/** Finds the root object of a live layer, e.g. `id => engine.layer(id)?.object`. */
export type LayerObjectLookup = (id: string) => Object3D | undefined;

export class LayerVisibilityPass {
  private readonly objects: Object3D[] = [];
  private readonly sides: ComparisonSide[] = [];
  private readonly wasVisible: boolean[] = [];
  private count = 0;

  /** Records the compared layers that are live now and their current `visible` flags. */
  begin(comparison: Comparison, lookup: LayerObjectLookup): void {
    this.count = 0;
    this.collect(comparison.before.layers, 'before', lookup);
    this.collect(comparison.after.layers, 'after', lookup);
  }

  /** Shows the layers of `side` (those that were visible at `begin`) and hides the other side's. */
  show(side: ComparisonSide): void {
    for (let i = 0; i < this.count; i++) this.objects[i]!.visible = this.wasVisible[i]! && this.sides[i] === side;
  }

  /** Puts every `visible` flag back as it was at `begin` and lets go of the objects. */
  end(): void {
    for (let i = 0; i < this.count; i++) {
      this.objects[i]!.visible = this.wasVisible[i]!;
      this.objects[i] = undefined as never;
    }
    this.count = 0;
  }

  private collect(ids: readonly string[], side: ComparisonSide, lookup: LayerObjectLookup): void {
    for (let i = 0; i < ids.length; i++) {
      const object = lookup(ids[i]!);
      if (!object) continue;
      const k = this.count++;
      this.objects[k] = object;
      this.sides[k] = side;
      this.wasVisible[k] = object.visible;
    }
  }
}
