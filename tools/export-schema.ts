/**
 * Writes the scene document's JSON Schema to public/schema/scene.v1.json (generated from the
 * zod spec; never edit the output by hand). `--check` exits 1 if the file is out of date.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCENE_VERSION, sceneJsonSchema } from '../src/spec';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_PATH = resolve(root, `public/schema/scene.v${SCENE_VERSION}.json`);

export function renderSchema(): string {
  return `${JSON.stringify(sceneJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = renderSchema();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(SCHEMA_PATH, 'utf8');
    } catch {
      /* missing */
    }
    if (current !== text) {
      console.error(`${SCHEMA_PATH} is out of date: run npm run schema`);
      process.exit(1);
    }
    console.log('JSON Schema is up to date');
  } else {
    mkdirSync(dirname(SCHEMA_PATH), { recursive: true });
    writeFileSync(SCHEMA_PATH, text);
    console.log(`wrote ${SCHEMA_PATH}`);
  }
}
