/**
 * Scene document migrations. Each entry lifts a document from version N to N+1; documents
 * are migrated step by step to `SCENE_VERSION` before validation.
 */
import { SCENE_VERSION } from './scene';
import type { SpecIssue } from './validate';

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** `migrations[n]` turns a version-n document into version n+1. Version 1 is the first. */
const migrations: Readonly<Record<number, Migration>> = {};

export type MigrationResult = { ok: true; value: unknown } | { ok: false; issue: SpecIssue };

/** Brings an older document up to `SCENE_VERSION`; refuses newer or unversioned ones. */
export function migrateScene(input: unknown): MigrationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issue: { path: '', message: 'expected a scene document (a JSON object)' } };
  }
  let doc = input as Record<string, unknown>;
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, issue: { path: 'version', message: `expected version ${SCENE_VERSION}, got ${JSON.stringify(version) ?? 'nothing'}` } };
  }
  if (version > SCENE_VERSION) {
    return {
      ok: false,
      issue: { path: 'version', message: `this scene is version ${version}; this app reads versions up to ${SCENE_VERSION}. Update the app.` },
    };
  }
  for (let v = version; v < SCENE_VERSION; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, issue: { path: 'version', message: `no migration from version ${v}` } };
    doc = { ...step(doc), version: v + 1 };
  }
  return { ok: true, value: doc };
}
