/** Turns loader errors into short messages for a layer's error state. */

/** Last path segment of a URL, without query, for compact messages. */
export function shortUrl(url: string): string {
  try {
    const u = new URL(url, 'http://x.invalid/');
    const parts = u.pathname.split('/').filter(Boolean);
    return parts.slice(-2).join('/') || url;
  } catch {
    return url;
  }
}

export function describeLoadError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const status = /error code (\d{3})|status(?: code)?:? ?(\d{3})|\b(40\d|41\d|50\d)\b/.exec(message);
  const code = status?.[1] ?? status?.[2] ?? status?.[3];
  if (code) return `HTTP ${code}${code === '404' ? ' (not found)' : ''}`;
  if (error instanceof SyntaxError || /JSON/.test(message)) return `not valid JSON (${message})`;
  if (/glTF 1\.0|Unsupported asset\. glTF versions >=2\.0/.test(message)) return 'glTF 1.0 content is not supported; convert it to glTF 2.0';
  if (/Failed to fetch|NetworkError|ERR_/.test(message)) return `server unreachable (${message})`;
  return message;
}
