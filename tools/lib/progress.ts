/**
 * A dependency-free text progress bar on stderr:
 *
 *   buildings  [##########··········]  12/24  3/0_1.glb
 *
 * On a TTY the line is redrawn in place; elsewhere (CI logs, pipes) only the final line is
 * printed, so logs stay short.
 */

export interface Progress {
  /** Advances by `n` steps (default 1) and shows an optional detail (e.g. a file name). */
  tick(detail?: string, n?: number): void;
  /** Completes the bar and ends the line. */
  done(detail?: string): void;
}

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export function createProgress(label: string, total: number, stream: ProgressStream = process.stderr, width = 24): Progress {
  let current = 0;
  let finished = false;
  const tty = Boolean(stream.isTTY);
  const line = (detail: string): string => {
    const frac = total > 0 ? Math.min(1, current / total) : 1;
    const filled = Math.round(frac * width);
    const bar = '#'.repeat(filled) + '·'.repeat(width - filled);
    const count = `${String(current).padStart(String(total).length)}/${total}`;
    const text = `${label.padEnd(10)} [${bar}] ${count}${detail ? '  ' + detail : ''}`;
    const cols = stream.columns ?? 100;
    return text.length > cols - 1 ? text.slice(0, cols - 1) : text;
  };
  return {
    tick(detail = '', n = 1) {
      if (finished) return;
      current += n;
      if (tty) stream.write(`\r\x1b[2K${line(detail)}`);
    },
    done(detail = '') {
      if (finished) return;
      finished = true;
      current = total;
      stream.write(`${tty ? '\r\x1b[2K' : ''}${line(detail)}\n`);
    },
  };
}

/** A progress sink that prints nothing (library use, tests). */
export const silentProgress = (): Progress => ({ tick() {}, done() {} });
