/**
 * Bounded downloads for raster sources: the app's byte-limited reading (`../fetch-limited`)
 * with a time limit (a server that does not answer) and cancelling (a tile no longer needed),
 * and failures as short reasons a layer's tile log can name per tile.
 */
import { decodeUtf8 } from '../../shared/utf8';
import { formatMib, readUpTo } from '../fetch-limited';

export interface FetchBytesOptions {
  /** Give up after this long without the whole body, milliseconds. */
  timeoutMs: number;
  /** Refuse bodies longer than this, bytes. */
  maxBytes: number;
  /** Cancels the download (e.g. the tile is no longer needed). */
  signal?: AbortSignal;
}

export interface FetchedBytes {
  bytes: Uint8Array;
  /** The response's Content-Type, lower case, without parameters; `''` when absent. */
  contentType: string;
  status: number;
}

/** A download that failed, with a reason to show (`HTTP 404 Not Found`, `no answer within 15 s`). */
export class FetchFailure extends Error {
  constructor(
    message: string,
    /** The HTTP status when the server answered, else 0. */
    readonly status = 0,
  ) {
    super(message);
    this.name = 'FetchFailure';
  }
}

function abortError(): DOMException {
  return new DOMException('The download was cancelled', 'AbortError');
}

async function readBody(res: Response, maxBytes: number): Promise<Uint8Array> {
  const length = Number(res.headers.get('content-length'));
  if (Number.isFinite(length) && length > maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw new FetchFailure(`the answer is ${formatMib(length)}, more than the ${formatMib(maxBytes)} allowed`);
  }
  const { bytes, complete } = await readUpTo(res, maxBytes);
  if (!complete) throw new FetchFailure(`the answer is longer than the ${formatMib(maxBytes)} allowed`);
  return bytes;
}

function seconds(ms: number): string {
  return `${ms < 10_000 ? String(Math.round(ms / 100) / 10) : Math.round(ms / 1000)} s`;
}

/**
 * Downloads `url` within the limits. Rejects with a `FetchFailure` (unreachable, HTTP error,
 * timeout, too large) or, when `signal` aborts, with an `AbortError`.
 */
export async function fetchBytes(url: string, options: FetchBytesOptions): Promise<FetchedBytes> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const cancelled = () => options.signal?.aborted === true;
  try {
    if (cancelled()) throw abortError();
    let res: Response;
    try {
      res = await fetch(url, { signal: controller.signal });
    } catch (e) {
      if (cancelled()) throw abortError();
      if (timedOut) throw new FetchFailure(`no answer within ${seconds(options.timeoutMs)}`);
      throw new FetchFailure(`the server could not be reached (${(e as Error).message || 'network error'})`);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      throw new FetchFailure(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, res.status);
    }
    const contentType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    try {
      const bytes = await readBody(res, options.maxBytes);
      return { bytes, contentType, status: res.status };
    } catch (e) {
      if (cancelled()) throw abortError();
      if (timedOut) throw new FetchFailure(`the answer did not arrive within ${seconds(options.timeoutMs)}`);
      throw e instanceof FetchFailure ? e : new FetchFailure(`the download broke off (${(e as Error).message})`);
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** Downloads `url` as UTF-8 text within the limits. */
export async function fetchText(url: string, options: FetchBytesOptions): Promise<string> {
  const { bytes } = await fetchBytes(url, options);
  return decodeUtf8(bytes);
}
