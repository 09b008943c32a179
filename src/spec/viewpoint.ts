/** A named camera position: where the camera is and where it looks. */
import { z } from 'zod';
import { ellipsoidHeight, fov, heading, identifier, latitude, longitude, pitch } from './primitives';

export const viewpointSchema = z
  .strictObject({
    id: identifier.describe('Unique id of the viewpoint within the scene.'),
    name: z.string({ error: 'expected a display name' }).min(1, { error: 'expected a non-empty display name' }),
    lon: longitude.describe('Camera longitude, degrees east.'),
    lat: latitude.describe('Camera latitude, degrees north.'),
    height: ellipsoidHeight.describe('Camera height above the WGS84 ellipsoid, metres.'),
    heading: heading.default(0).describe('Degrees clockwise from north.'),
    pitch: pitch.default(-30).describe('Degrees; negative looks down.'),
    fov: fov.optional().describe('Vertical field of view, degrees.'),
  })
  .describe('A camera position and orientation');

export type Viewpoint = z.output<typeof viewpointSchema>;
