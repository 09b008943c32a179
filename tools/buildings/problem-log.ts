/** Skipped features and defaulted heights: spilled to JSON-lines files, not kept in memory. */
import { closeSync, openSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { Problem } from './options';

const SAMPLE = 20;

/** Appends JSON lines to a temporary file, buffered; remembers the first few. */
export class ProblemLog {
  private buf: string[] = [];
  private bytes = 0;
  count = 0;
  readonly sample: Problem[] = [];
  constructor(readonly path: string) {
    writeFileSync(path, '');
  }
  add(p: Problem): void {
    this.count++;
    if (this.sample.length < SAMPLE) this.sample.push(p);
    const line = JSON.stringify(p);
    this.buf.push(line);
    this.bytes += line.length;
    if (this.bytes > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.buf.length === 0) return;
    const fd = openSync(this.path, 'a');
    try {
      writeSync(fd, this.buf.join('\n') + '\n');
    } finally {
      closeSync(fd);
    }
    this.buf = [];
    this.bytes = 0;
  }
  /** Writes the entries as JSON array items (indented) to `fd`, block by block. */
  copyInto(fd: number, indent: string): void {
    this.flush();
    const src = openSync(this.path, 'r');
    const block = Buffer.allocUnsafe(1 << 16);
    const dec = new StringDecoder('utf8');
    let first = true;
    let carry = '';
    try {
      for (;;) {
        const n = readSync(src, block, 0, block.length, null);
        const lines = (carry + (n > 0 ? dec.write(block.subarray(0, n)) : dec.end())).split('\n');
        carry = n > 0 ? lines.pop()! : '';
        let out = '';
        for (const l of lines) {
          if (l === '') continue;
          out += `${first ? '' : ',\n'}${indent}${l}`;
          first = false;
        }
        if (out) writeSync(fd, out);
        if (n === 0) break;
      }
    } finally {
      closeSync(src);
    }
  }
}
