/**
 * Daylight for a northern town: a soft sky/ground hemisphere and a low sun from the
 * south-west (Härnösand's sun rarely climbs above 50°). Directions are in the scene frame
 * (x east, y up, z south).
 */
export function Lighting() {
  return (
    <>
      <hemisphereLight args={['#eef3f8', '#7d7a6a', 1.6]} />
      <directionalLight position={[-0.55, 0.62, 0.55]} intensity={2.1} color="#fff3e2" />
      <directionalLight position={[0.6, 0.35, -0.7]} intensity={0.35} color="#dfe8ff" />
    </>
  );
}
