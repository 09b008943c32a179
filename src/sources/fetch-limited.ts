/**
 * Fetching with a byte limit: the one place the app reads a body whole (scene documents, zoning
 * plans, and through `sources/raster/fetch-bytes` raster tiles, images, world files and
 * capabilities) or samples one (format detection). A body over its limit is refused from its
 * Content-Length when the server sends one, or stops being read as soon as it passes the limit,
 * so a huge or endless response costs at most the limit. Errors name the URL and the reason.
 */
import { formatNumber } from '../shared/format-number';
import { decodeUtf8 } from '../shared/utf8';

const MIB = 1_048_576;

/** Largest scene document read, bytes (scenes are a few kilobytes). */
export const SCENE_MAX_BYTES = 8 * MIB;
/** Largest zoning plan read, bytes (the benchmark's 10,000-polygon plan is 3.4 MB). */
export const PLAN_MAX_BYTES = 64 * MIB;
/** Bytes read from the start of a file to detect its format. */
export const SAMPLE_BYTES = 65_536;

export interface FetchLimit {
  maxBytes: number;
  /** What the body is, for messages: `scene`, `plan`. */
  what: string;
}

/** A size for messages, e.g. `2.9 MiB`. */
export const formatMib = (bytes: number): string => `${formatNumber(bytes / MIB, 'en', 1)} MiB`;

async function request(url: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new Error(`Could not reach ${url}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => {});
    throw new Error(`Could not load ${url}: HTTP ${res.status} ${res.statusText}`.trim());
  }
  return res;
}

/**
 * Reads at most `max` bytes of a body; `complete` says whether that was all of it. Cancels the
 * rest. Rejects when the body's stream errors (or its request is aborted).
 */
export async function readUpTo(res: Response, max: number): Promise<{ bytes: Uint8Array; complete: boolean }> {
  if (!res.body) return { bytes: new Uint8Array(0), complete: true };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      return { bytes: concat(chunks, max), complete: false };
    }
  }
  return { bytes: concat(chunks, total), complete: true };
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]!.byteLength === length) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    if (at >= length) break;
    const part = c.subarray(0, length - at);
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/**
 * The whole body of `url`, at most `limit.maxBytes`.
 * @throws Error naming the URL: unreachable, an HTTP error, or a body over the limit
 */
export async function fetchBytes(url: string, limit: FetchLimit): Promise<Uint8Array> {
  const res = await request(url);
  const announced = Number(res.headers.get('content-length'));
  if (Number.isFinite(announced) && announced > limit.maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw new Error(`The ${limit.what} at ${url} is ${formatMib(announced)}, larger than ${formatMib(limit.maxBytes)} (the limit for a ${limit.what}); it was not read.`);
  }
  const { bytes, complete } = await readUpTo(res, limit.maxBytes);
  if (!complete) throw new Error(`The ${limit.what} at ${url} is larger than ${formatMib(limit.maxBytes)} (the limit for a ${limit.what}); it was not read.`);
  return bytes;
}

/** The whole body as UTF-8 text, at most `limit.maxBytes`. */
export async function fetchText(url: string, limit: FetchLimit): Promise<string> {
  return decodeUtf8(await fetchBytes(url, limit));
}

/** The whole body parsed as JSON, at most `limit.maxBytes`. */
export async function fetchJson(url: string, limit: FetchLimit): Promise<unknown> {
  const text = await fetchText(url, limit);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(`${url} is not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * A sample of a file for format detection: the parsed JSON when the whole file is JSON within
 * the first `SAMPLE_BYTES`, else those bytes as text (the start of XML, GML or a large JSON).
 * The rest of the body is not downloaded.
 */
export async function fetchSample(url: string): Promise<unknown> {
  const { bytes, complete } = await readUpTo(await request(url), SAMPLE_BYTES);
  const text = decodeUtf8(bytes);
  if (complete) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // not JSON: the text itself
    }
  }
  return text;
}
