/**
 * Draws the teleport arc and its target marker while the user aims (right stick forward):
 * teal and a ring when the target is valid, red when it is not. Buffers are allocated once;
 * each frame only copies the arc's points.
 */
import { useEffect, useMemo } from 'react';
import { useFrame } from '@react-three/fiber';
import { BufferAttribute, BufferGeometry, Color, Line, LineBasicMaterial, Mesh, MeshBasicMaterial, RingGeometry } from 'three';
import { ARC_SEGMENTS } from './teleport-arc';
import type { XrNavigator } from './xr-navigator';
import { OVERLAY_RENDER_ORDER } from '../layers/drape/drape-materials';

const VALID = new Color('#39d0c0');
const INVALID = new Color('#e0504a');

export function TeleportArc({ nav }: { nav: XrNavigator }) {
  const parts = useMemo(() => {
    const positions = new Float32Array((ARC_SEGMENTS + 1) * 3);
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(positions, 3));
    const lineMaterial = new LineBasicMaterial({ color: VALID, depthTest: false, transparent: true, fog: false });
    const line = new Line(geometry, lineMaterial);
    line.name = 'teleport-arc';
    line.frustumCulled = false;
    line.renderOrder = OVERLAY_RENDER_ORDER;
    const markerMaterial = new MeshBasicMaterial({ color: VALID, depthTest: false, transparent: true, opacity: 0.9, fog: false });
    const marker = new Mesh(new RingGeometry(0.3, 0.45, 32).rotateX(-Math.PI / 2), markerMaterial);
    marker.name = 'teleport-marker';
    marker.renderOrder = OVERLAY_RENDER_ORDER;
    return { positions, geometry, line, lineMaterial, marker, markerMaterial };
  }, []);
  useEffect(
    () => () => {
      parts.geometry.dispose();
      parts.lineMaterial.dispose();
      parts.marker.geometry.dispose();
      parts.markerMaterial.dispose();
    },
    [parts],
  );

  useFrame(() => {
    const { line, marker, positions, geometry } = parts;
    const show = nav.aiming && nav.arc.count > 1;
    line.visible = show;
    marker.visible = show && nav.arc.hit;
    if (!show) return;
    const arc = nav.arc;
    for (let i = 0; i < arc.count; i++) arc.points[i]!.toArray(positions, i * 3);
    geometry.setDrawRange(0, arc.count);
    (geometry.attributes.position as BufferAttribute).needsUpdate = true;
    const colour = nav.arcValid ? VALID : INVALID;
    parts.lineMaterial.color.copy(colour);
    parts.markerMaterial.color.copy(colour);
    if (arc.hit) {
      marker.position.copy(arc.hitPoint);
      marker.position.y += 0.02;
      marker.scale.setScalar(nav.worldScale());
    }
  });

  return (
    <>
      <primitive object={parts.line} />
      <primitive object={parts.marker} />
    </>
  );
}
