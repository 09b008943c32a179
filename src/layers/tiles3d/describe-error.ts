/** Turns loader errors into short messages for a layer's error state. */

/**
 * The last two path segments of a URL, without query, for compact messages; prefixed with
 * the host when it is not the page's own.
 */
export function shortUrl(url: string, pageHost: string = typeof location === 'undefined' ? '' : location.host): string {
  try {
    const u = new URL(url, 'http://x.invalid/');
    const tail = u.pathname.split('/').filter(Boolean).slice(-2).join('/');
    const foreign = u.host !== 'x.invalid' && u.host !== pageHost;
    return (foreign ? `${u.host}/${tail}` : tail) || url;
  } catch {
    return url;
  }
}

export function describeLoadError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const explicit = /error code (\d{3})|status(?: code)?:? ?(\d{3})/.exec(message);
  // a RangeError is about lengths (a lying header), even where its message names a JSON part
  const json = error instanceof SyntaxError || (!(error instanceof RangeError) && /JSON/.test(message));
  // a bare 4xx/5xx only outside URLs ("…/tiles/10/503/404.glb") and JSON parse positions
  const bare = explicit || json ? null : /\b(40\d|41\d|50\d)\b/.exec(message.replace(/"[^"]*"|\S+:\/\/\S+/g, ''));
  const code = explicit?.[1] ?? explicit?.[2] ?? bare?.[1];
  if (code) return `HTTP ${code}${code === '404' ? ' (not found)' : ''}`;
  if (json) return `not valid JSON (${message})`;
  if (/glTF 1\.0|Unsupported asset\. glTF versions >=2\.0|Legacy binary file detected/.test(message)) return 'glTF 1.0 content is not supported; convert it to glTF 2.0';
  if (/Failed to fetch|NetworkError|ERR_/.test(message)) return `server unreachable (${message})`;
  if (error instanceof RangeError || /typed array length|outside the bounds|Unexpected end|Invalid glTF|magic/i.test(message)) {
    return `content is truncated or corrupt (${message})`;
  }
  return message;
}
