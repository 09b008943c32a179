/**
 * Which origins `?scene=` may load from. A link must not make the official address show a plan
 * from somewhere else: the page's own origin is always allowed, other origins only when the site
 * lists them in `config.json` beside index.html (`{ "allowedOrigins": ["https://…"] }`). `npm
 * start` serves that file from its `--allow-origin` list; the static build ships one that allows
 * none. Anything but http(s) (a `data:` scene in the link itself, `blob:`, `javascript:`) is
 * refused. The site's config is fetched only when a link names another origin.
 */
import { foreignOrigin } from '../state/scene-source-store';

export const SITE_CONFIG_URL = './config.json';

export type SceneSource =
  | { kind: 'own' }
  | { kind: 'allowed'; origin: string }
  | { kind: 'refused'; origin: string };

/** The allow-list from a config.json body; anything malformed allows nothing. */
export function allowedOriginsOf(config: unknown): string[] {
  const list = (config as { allowedOrigins?: unknown } | null)?.allowedOrigins;
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string') continue;
    try {
      const u = new URL(item);
      if (u.protocol === 'http:' || u.protocol === 'https:') out.push(u.origin);
    } catch {
      /* not an origin: ignored */
    }
  }
  return out;
}

/** Judges a scene URL against the page's origin and an allow-list (pure). */
export function judgeSceneSource(sceneUrl: string, pageUrl: string, allowedOrigins: readonly string[]): SceneSource {
  const origin = foreignOrigin(sceneUrl, pageUrl);
  if (origin === null) return { kind: 'own' };
  const http = origin.startsWith('http://') || origin.startsWith('https://');
  return http && allowedOrigins.includes(origin) ? { kind: 'allowed', origin } : { kind: 'refused', origin };
}

/** The site's allow-list; a missing or unreadable config.json allows no other origin. */
export async function fetchAllowedOrigins(pageUrl: string, fetchImpl: typeof fetch = fetch): Promise<string[]> {
  try {
    const res = await fetchImpl(new URL(SITE_CONFIG_URL, pageUrl).href, { cache: 'no-cache' });
    return res.ok ? allowedOriginsOf(await res.json()) : [];
  } catch {
    return [];
  }
}

/** Judges `?scene=`, fetching the site's allow-list only when the scene is not the page's own. */
export async function checkSceneSource(sceneUrl: string, pageUrl: string, fetchImpl: typeof fetch = fetch): Promise<SceneSource> {
  if (foreignOrigin(sceneUrl, pageUrl) === null) return { kind: 'own' };
  return judgeSceneSource(sceneUrl, pageUrl, await fetchAllowedOrigins(pageUrl, fetchImpl));
}
