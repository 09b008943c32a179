/**
 * OGC service exceptions: the XML error documents WMS and WMTS servers send instead of an
 * image, often with HTTP status 200 (GeoServer and MapServer do). Such an answer is an
 * error of that tile, never an image.
 *
 *   WMS 1.1.1/1.3.0  <ServiceExceptionReport><ServiceException code="…">text</ServiceException>
 *   OWS (WMTS)       <ows:ExceptionReport><ows:Exception exceptionCode="…"><ows:ExceptionText>text…
 */
import { XMLParser } from 'fast-xml-parser';

/** Longest exception document read; the rest is ignored (a real one is a few hundred bytes). */
const MAX_XML = 64 * 1024;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  processEntities: true,
  htmlEntities: false,
  parseTagValue: false,
  trimValues: true,
});

/** Whether bytes start like an XML (or HTML) document rather than an image. */
export function looksLikeMarkup(bytes: Uint8Array): boolean {
  let i = 0;
  // UTF-8 byte-order mark, then whitespace
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && i < 256 && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c; // '<'
}

function texts(node: unknown, out: string[]): void {
  if (node === null || node === undefined) return;
  if (typeof node === 'string') {
    if (node.trim()) out.push(node.trim());
    return;
  }
  if (Array.isArray(node)) {
    for (const n of node) texts(n, out);
    return;
  }
  if (typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o['#text'] === 'string' && o['#text'].trim()) out.push(o['#text'].trim());
    if (o.ExceptionText !== undefined) texts(o.ExceptionText, out);
  }
}

function asList(v: unknown): unknown[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/**
 * The message of an OGC exception document (`code: text`), or `null` when `text` is not
 * one. Documents with a DOCTYPE are not parsed (no entity tricks), only reported.
 */
export function readServiceException(text: string): string | null {
  const head = text.slice(0, MAX_XML);
  if (!/<(?:\w+:)?(?:ServiceExceptionReport|ExceptionReport)[\s>]/.test(head)) return null;
  if (/<!DOCTYPE/i.test(head) && /<!ENTITY/i.test(head)) return 'the service answered with an exception document (not shown: it declares entities)';
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(head) as Record<string, unknown>;
  } catch {
    return 'the service answered with an exception document that is not well-formed XML';
  }
  const report = (doc.ServiceExceptionReport ?? doc.ExceptionReport) as Record<string, unknown> | undefined;
  if (!report || typeof report !== 'object') return 'the service answered with an exception document';
  const messages: string[] = [];
  for (const e of [...asList(report.ServiceException), ...asList(report.Exception)]) {
    const parts: string[] = [];
    texts(e, parts);
    const o = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
    const code = o.code ?? o.exceptionCode;
    const body = parts.join(' ').replace(/\s+/g, ' ').slice(0, 300);
    messages.push(typeof code === 'string' && code ? (body ? `${code}: ${body}` : code) : body || 'an exception without a message');
  }
  return messages.length > 0 ? messages.join('; ') : 'the service answered with an empty exception document';
}
