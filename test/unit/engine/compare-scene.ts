/** Test fixture: a scene of three tilesets where `buildings` (Idag) is compared with `proposal` (Förslag). */
import { parseScene } from '../../../src/spec';

const tiles = (id: string) => ({ id, type: 'tiles3d', name: id, url: `${id}/tileset.json` });

export const compareScene = parseScene({
  version: 1,
  title: 'T',
  origin: { lon: 17.9379, lat: 62.6323, height: 30 },
  layers: [tiles('ground'), tiles('buildings'), tiles('proposal')],
  comparisons: [{ id: 'c', name: 'C', before: { name: 'Idag', layers: ['buildings'] }, after: { name: 'Förslag', layers: ['proposal'] } }],
});
