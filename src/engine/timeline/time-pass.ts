/**
 * Applies the timeline for the length of a render: layers that crossfade (rasters) get their
 * weight; others whose weight is below ½ are hidden by their root object's `visible` flag,
 * which is put back afterwards, so outside the render the layer views (which set `visible`
 * from the spec) stay in charge. Allocation-free after warm-up.
 */
import type { Object3D } from 'three';
import type { LayerHandle } from '../../layers/layer-handle';
import type { TimelineReader } from './timeline-reader';

export class TimePass {
  private readonly hidden: Object3D[] = [];
  private count = 0;

  /** Weighs every layer of `layers` (ids, in the scene's order) found by `lookup`. */
  begin(layers: readonly { id: string }[], reader: TimelineReader, lookup: (id: string) => LayerHandle | undefined): void {
    this.count = 0;
    for (let i = 0; i < layers.length; i++) {
      const id = layers[i]!.id;
      const handle = lookup(id);
      if (!handle) continue;
      const weight = reader.weight(id);
      if (handle.setTimeWeight) handle.setTimeWeight(weight);
      else if (weight < 0.5 && handle.object.visible) {
        handle.object.visible = false;
        this.hidden[this.count++] = handle.object;
      }
    }
  }

  /** Shows again what `begin` hid. */
  end(): void {
    for (let i = 0; i < this.count; i++) {
      this.hidden[i]!.visible = true;
      this.hidden[i] = undefined as never;
    }
    this.count = 0;
  }
}
