/**
 * What became of a raster layer's tile requests, for its status: how many are in flight,
 * how many arrived, and why the others failed (grouped by reason, with the first tile of each).
 * A few failures are warnings (those tiles are transparent holes); a layer of which no tile
 * could be shown is in error.
 */

interface Reason {
  count: number;
  firstUrl: string;
}

/** Shortens a tile URL for a message: the last three path segments and no query. */
export function shortTileUrl(url: string): string {
  try {
    const u = new URL(url);
    const parts = u.pathname.split('/').filter(Boolean);
    const tail = parts.slice(-3).join('/');
    const query = u.search.length > 1 ? `?${u.search.slice(1, 61)}${u.search.length > 61 ? '…' : ''}` : '';
    return `…/${tail}${query}`;
  } catch {
    return url.length > 80 ? `${url.slice(0, 77)}…` : url;
  }
}

export class TileLog {
  /** Requests started and not yet settled. */
  pending = 0;
  /** Tiles that arrived and decoded. */
  loaded = 0;
  /** Tiles that failed (shown transparent). */
  failed = 0;
  /** Increments on every change, so a poller can tell. */
  revision = 0;
  private readonly reasons = new Map<string, Reason>();

  begin(): void {
    this.pending++;
    this.revision++;
  }

  succeed(): void {
    this.pending--;
    this.loaded++;
    this.revision++;
  }

  /** A request that was cancelled (the tile is no longer needed): neither loaded nor failed. */
  cancel(): void {
    this.pending--;
    this.revision++;
  }

  fail(url: string, reason: string): void {
    this.pending--;
    this.failed++;
    this.revision++;
    const r = this.reasons.get(reason);
    if (r) r.count++;
    else this.reasons.set(reason, { count: 1, firstUrl: url });
  }

  /** One line per reason: `3 tiles shown transparent: HTTP 404 Not Found (…/16/1/2.png and 2 more)`. */
  warnings(): string[] {
    return [...this.reasons].map(([reason, r]) => {
      const more = r.count > 1 ? ` and ${r.count - 1} more` : '';
      return `${r.count} tile${r.count === 1 ? '' : 's'} shown transparent: ${reason} (${shortTileUrl(r.firstUrl)}${more})`;
    });
  }

  /** The error of a layer that has tried tiles and shown none, else `null`. */
  error(): string | null {
    if (this.pending > 0 || this.loaded > 0 || this.failed === 0) return null;
    const [reason, r] = [...this.reasons][0]!;
    return `No tile could be loaded: ${reason} (${shortTileUrl(r.firstUrl)}${this.failed > 1 ? `, and ${this.failed - 1} more tiles` : ''})`;
  }
}
