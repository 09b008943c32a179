/**
 * A test `Response` whose body is streamed on demand in 64 KiB chunks (`head` first, then
 * `fill` bytes) up to `total` bytes (endless when omitted), counting what the reader pulled:
 * shows that a bounded read stops early instead of downloading everything.
 */
export function streamedResponse(options: { total?: number; head?: Uint8Array; fill?: number; headers?: Record<string, string> } = {}): { response: Response; pulled: () => number } {
  const { total = Infinity, head, fill = 0x20, headers = {} } = options;
  const chunk = new Uint8Array(65_536).fill(fill);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent >= total) return controller.close();
        const next = sent === 0 && head ? head : chunk;
        const n = Math.min(next.byteLength, total - sent);
        sent += n;
        controller.enqueue(next.slice(0, n));
      },
    },
    { highWaterMark: 0 },
  );
  return { response: new Response(body, { status: 200, headers }), pulled: () => sent };
}
