/**
 * Layer opacity multiplies each tile material's own opacity, so glass stays glass at opacity 1
 * and returns to what it was after a fade.
 */
import { describe, expect, it } from 'vitest';
import { BoxGeometry, Group, Mesh, MeshStandardMaterial } from 'three';
import { applyOpacity } from '../../../../src/layers/tiles3d/opacity';

function tile() {
  const glass = new MeshStandardMaterial({ transparent: true, opacity: 0.4 });
  const wall = new MeshStandardMaterial();
  const root = new Group();
  root.add(new Mesh(new BoxGeometry(), glass), new Mesh(new BoxGeometry(), [wall, glass]));
  return { root, glass, wall };
}

describe('applyOpacity', () => {
  it('should leave a material’s own transparency alone at layer opacity 1', () => {
    const { root, glass, wall } = tile();
    applyOpacity(root, 1);
    expect(glass).toMatchObject({ opacity: 0.4, transparent: true, depthWrite: true });
    expect(wall).toMatchObject({ opacity: 1, transparent: false, depthWrite: true });
  });

  it('should multiply the material’s own opacity, and restore it when the layer is opaque again', () => {
    const { root, glass, wall } = tile();
    applyOpacity(root, 0.5);
    expect(glass.opacity).toBeCloseTo(0.2);
    expect(wall).toMatchObject({ opacity: 0.5, transparent: true, depthWrite: false });
    applyOpacity(root, 0.25);
    expect(glass.opacity).toBeCloseTo(0.1);
    expect(wall.opacity).toBeCloseTo(0.25);
    applyOpacity(root, 1);
    expect(glass).toMatchObject({ opacity: 0.4, transparent: true, depthWrite: true });
    expect(wall).toMatchObject({ opacity: 1, transparent: false, depthWrite: true });
  });
});
