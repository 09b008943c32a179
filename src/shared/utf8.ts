/** Bytes to text (UTF-8, invalid sequences as U+FFFD), without a byte-order mark. */
export function decodeUtf8(bytes: ArrayBuffer | Uint8Array): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
