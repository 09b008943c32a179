/**
 * Hand-made broken tilesets for the viewer's error-handling tests, written to
 * `test/fixtures/tiles/` by `npx tsx tools/demo/fixtures.ts [DIR]`:
 *
 * - `broken-json/tileset.json`: not valid JSON (cut off mid-object).
 * - `missing-content/tileset.json`: a valid tileset whose content `content/missing.glb`
 *   does not exist (HTTP 404).
 * - `truncated-glb/tileset.json` + `content/truncated.glb`: the first 40 bytes of a real
 *   GLB (valid header announcing a longer file, then nothing).
 *
 * All use the demo's root transform (ENU → ECEF at the demo origin), so a test scene
 * centred on Härnösand has them in view. Output is deterministic.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { eastNorthUpToEcef } from '../../src/geo/frame';
import { extrudePart } from '../lib/extrude';
import { encodeContentGlb } from '../lib/gltf-content';
import { MeshBuilder } from '../lib/mesh-builder';
import { writeJson, type Tileset } from '../lib/tileset';
import { DEMO_ORIGIN } from './origin';
import { WALL, ROOF } from './palette';

export const TRUNCATED_GLB_BYTES = 40;

function fixtureTileset(description: string, uri: string): Tileset {
  return {
    asset: { version: '1.1', generator: 'metacity-twin tools/demo/fixtures.ts', extras: { fixture: true, description } },
    geometricError: 100,
    root: {
      transform: eastNorthUpToEcef(DEMO_ORIGIN),
      boundingVolume: { box: [0, 0, 6, 10, 0, 0, 0, 10, 0, 0, 0, 6] },
      geometricError: 0,
      refine: 'ADD',
      content: { uri },
    },
  };
}

/** A small real GLB (one 20 m × 20 m × 12 m building with feature metadata). */
export async function sampleGlb(): Promise<Uint8Array> {
  const mesh = new MeshBuilder();
  extrudePart(
    mesh,
    { footprint: [[-10, -10], [10, -10], [10, 10], [-10, 10]], base: 0, eave: 9.6, roof: { kind: 'gable', rise: 2.4 }, wallColor: WALL.ochre, roofColor: ROOF.darkGrey },
    0,
  );
  return encodeContentGlb(mesh, {
    center: [0, 0, 0],
    metadata: {
      schemaId: 'fixture',
      className: 'building',
      classDef: { properties: { id: { type: 'STRING' } } },
      rows: [{ id: 'FIXTURE-1' }],
    },
  });
}

export async function writeBrokenFixtures(dir: string): Promise<string[]> {
  const written: string[] = [];
  const put = async (rel: string, data: string | Uint8Array) => {
    const p = join(dir, rel);
    await mkdir(join(p, '..'), { recursive: true });
    await writeFile(p, data);
    written.push(rel);
  };
  const broken = JSON.stringify(fixtureTileset('invalid JSON: the file is cut off', 'content/never-loaded.glb'), null, 2);
  await put('broken-json/tileset.json', broken.slice(0, broken.indexOf('"root"') + 20) + '\n');
  await writeJson(join(dir, 'missing-content/tileset.json'), fixtureTileset('content glb does not exist (404)', 'content/missing.glb'));
  written.push('missing-content/tileset.json');
  await writeJson(join(dir, 'truncated-glb/tileset.json'), fixtureTileset(`content glb is cut off after ${TRUNCATED_GLB_BYTES} bytes`, 'content/truncated.glb'));
  written.push('truncated-glb/tileset.json');
  const glb = await sampleGlb();
  await put('truncated-glb/content/truncated.glb', glb.slice(0, TRUNCATED_GLB_BYTES));
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = resolve(process.argv[2] ?? 'test/fixtures/tiles');
  const files = await writeBrokenFixtures(dir);
  process.stderr.write(`fixtures: wrote ${files.length} files under ${dir}\n`);
}
