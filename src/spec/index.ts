/**
 * The scene spec: schema, types, validation, migration and JSON Schema export.
 */
import './zod-jitless';
import { z } from 'zod';
import { migrateScene } from './migrate';
import { sceneSchema, SCENE_VERSION, type SceneDocument, type LayerSpec } from './scene';
import { validateWith, type Validation } from './validate';
import { getLayerKind, listLayerKinds } from './layer-registry';

export * from './scene';
export * from './validate';
export * from './layer-registry';
export * from './viewpoint';
export * from './comparison';
export * from './time';
export { migrateScene } from './migrate';
export * from './layers';

/** Migrates and validates a scene document. */
export function validateScene(input: unknown): Validation<SceneDocument> {
  const migrated = migrateScene(input);
  if (!migrated.ok) {
    const { issue } = migrated;
    return { ok: false, issues: [issue], message: issue.path ? `${issue.path}: ${issue.message}` : issue.message };
  }
  return validateWith(sceneSchema(), migrated.value) as Validation<SceneDocument>;
}

/** Thrown by `parseScene` and `parseLayer`; `issues` lists every problem. */
export class SpecError extends Error {
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'SpecError';
  }
}

/** Validated scene document, or throws a `SpecError` listing every issue. */
export function parseScene(input: unknown): SceneDocument {
  const result = validateScene(input);
  if (!result.ok) throw new SpecError(result.message, result.issues);
  return result.value;
}

/** Validates one layer against its kind; paths are prefixed with `prefix` (e.g. `layers[2]`). */
export function validateLayer(input: unknown): Validation<LayerSpec> {
  const type = (input as { type?: unknown } | null)?.type;
  const kind = typeof type === 'string' ? getLayerKind(type) : undefined;
  if (!kind) {
    const message = `type: expected a layer type: ${listLayerKinds().map((k) => k.type).join(', ')}, got ${JSON.stringify(type) ?? 'nothing'}`;
    return { ok: false, issues: [{ path: 'type', message: message.slice(6) }], message };
  }
  return validateWith(kind.schema, input) as Validation<LayerSpec>;
}

/** The JSON Schema (draft 2020-12) of the scene document, for editors and other tools. */
export function sceneJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(sceneSchema(), { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
  return {
    ...schema,
    $id: `https://metacity-twin.example/schema/scene.v${SCENE_VERSION}.json`,
    title: 'Metacity Twin scene document',
  };
}
