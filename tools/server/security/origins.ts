/**
 * The operator's allow-list of other origins (`--allow-origin`, `TWIN_ALLOWED_ORIGINS`): where
 * the app may load scenes and their data from, besides its own origin.
 */

/** 'https://Tiles.Example.org:443/' → 'https://tiles.example.org'. Throws on anything that is not an http(s) origin. */
export function normaliseOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error(`not an origin: "${text}" (write scheme, host and port, e.g. https://tiles.example.org)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`not an http(s) origin: "${text}"`);
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new Error(`an origin has no path, query or credentials: "${text}" (did you mean ${url.origin}?)`);
  }
  return url.origin;
}

/** A comma- or space-separated list (the environment variable's form), normalised and de-duplicated. */
export function parseOriginList(list: string | readonly string[] | undefined): string[] {
  const items = typeof list === 'string' ? list.split(/[\s,]+/) : (list ?? []);
  return [...new Set(items.filter((s) => s.trim() !== '').map(normaliseOrigin))];
}
