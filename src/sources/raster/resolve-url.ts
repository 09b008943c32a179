/**
 * URL templates resolved against the scene document: `new URL` percent-encodes the braces of
 * `{z}/{x}/{y}` and `{TileMatrix}`, which are put back.
 */
export function resolveTemplateUrl(url: string, base: string): string {
  return new URL(url, base).href.replace(/%7B/gi, '{').replace(/%7D/gi, '}');
}
