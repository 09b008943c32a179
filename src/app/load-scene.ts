/**
 * Fetching and validating scene documents, and turning `{ type?, url }` into a full layer
 * spec with format auto-detection.
 */
import { fetchJson, fetchSample, SCENE_MAX_BYTES } from '../sources/fetch-limited';
import { detectLayerKind, getLayerKind, validateLayer, validateScene, type LayerInput, type LayerSpec, type SceneDocument } from '../spec';

/** Fetches (when given a URL) and validates a scene; throws with every issue listed. */
export async function resolveScene(source: string | unknown, pageUrl: string): Promise<{ doc: SceneDocument; baseUrl: string }> {
  let raw = source;
  let baseUrl = pageUrl;
  if (typeof source === 'string') {
    baseUrl = new URL(source, pageUrl).href;
    raw = await fetchJson(baseUrl, { maxBytes: SCENE_MAX_BYTES, what: 'scene' });
  }
  const result = validateScene(raw);
  if (!result.ok) throw new Error(`The scene is not valid:\n${result.message}`);
  return { doc: result.value, baseUrl };
}

function fileName(url: string): string {
  try {
    const parts = new URL(url, 'http://x.invalid/').pathname.split('/').filter(Boolean);
    const last = parts.at(-1) ?? 'layer';
    // "…/buildings/tileset.json" reads better as "buildings"
    return (/^(tileset|index|scene)\.json$/i.test(last) && parts.length > 1 ? parts.at(-2)! : last).replace(/\.[a-z0-9]+$/i, '');
  } catch {
    return 'layer';
  }
}

/** A fresh layer id from a name, unique among `taken`. */
export function uniqueLayerId(name: string, taken: ReadonlySet<string>): string {
  // NFKD splits "ö" into "o" + a combining mark: drop the marks, or "förslag" becomes "fo-rslag".
  // 120 characters leave room for a "-N" suffix within the spec's 128-character ids.
  const slug = name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-');
  const base = slug.replace(/^-+/, '').slice(0, 120).replace(/-+$/, '') || 'layer';
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}

/**
 * Completes a partial layer: detects `type` from the URL (and, when needed, from the fetched
 * content), fills `id` and `name`, and validates it against its kind.
 */
export async function completeLayer(input: Partial<LayerInput> & { url: string }, baseUrl: string, taken: ReadonlySet<string>): Promise<LayerSpec> {
  if (typeof input?.url !== 'string') throw new Error('addLayer: expected { url: string, type?: string }');
  let type = input.type;
  if (type !== undefined && !getLayerKind(type)) {
    const result = validateLayer(input);
    throw new Error(result.ok ? `Unknown layer type "${type}"` : result.message);
  }
  if (type === undefined) {
    type = detectLayerKind(input.url)?.type;
    if (type === undefined) {
      const sample = await fetchSample(new URL(input.url, baseUrl).href).catch(() => undefined);
      type = detectLayerKind(input.url, sample)?.type;
    }
    if (type === undefined) throw new Error(`Could not tell what kind of layer ${input.url} is; give its "type"`);
  }
  const name = input.name ?? fileName(input.url);
  const candidate = { ...input, type, name, id: input.id ?? uniqueLayerId(name, taken) };
  const result = validateLayer(candidate);
  if (!result.ok) throw new Error(`The layer is not valid:\n${result.message}`);
  return result.value;
}
