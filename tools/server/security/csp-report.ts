/**
 * `POST /csp-report`: browsers report Content-Security-Policy violations here (the policy's
 * `report-uri`), and the server logs one line per report, so an operator sees a page, a worker or
 * a plugin that the policy blocks. Reports are text from anyone: they are cut short and stripped
 * of control characters before they reach the log.
 */

import type { FastifyInstance } from 'fastify';
import type { Logger } from '../logger.ts';
import { CSP_REPORT_PATH } from './csp.ts';
import { API_RATE_LIMIT } from './rate-limit.ts';

const REPORT_TYPES = ['application/csp-report', 'application/reports+json'];
const MAX_REPORT_BYTES = 16 * 1024;

/** One field of a report, safe for a log line. */
function field(value: unknown): string {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').slice(0, 200);
}

/** The legacy `report-uri` body is `{ "csp-report": {...} }`; Reporting API bodies are arrays of `{ body }`. */
function reportsOf(body: unknown): Record<string, unknown>[] {
  if (Array.isArray(body)) return body.map((r) => (r as { body?: Record<string, unknown> })?.body ?? {}).slice(0, 20);
  const legacy = (body as { 'csp-report'?: Record<string, unknown> } | null)?.['csp-report'];
  return legacy ? [legacy] : [];
}

/** A readable line: which directive blocked what, where. */
export function describeViolation(r: Record<string, unknown>): string {
  const directive = field(r['effective-directive'] ?? r['violated-directive'] ?? r.effectiveDirective);
  const blocked = field(r['blocked-uri'] ?? r.blockedURL) || '(inline)';
  const page = field(r['document-uri'] ?? r.documentURL);
  const source = field(r['source-file'] ?? r.sourceFile);
  const line = field(r['line-number'] ?? r.lineNumber);
  return `${directive} blocked ${blocked} on ${page}${source ? ` (${source}${line ? `:${line}` : ''})` : ''}`;
}

export function registerCspReports(app: FastifyInstance, logger: Logger): void {
  app.addContentTypeParser(REPORT_TYPES, { parseAs: 'string', bodyLimit: MAX_REPORT_BYTES }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(Object.assign(new Error('Bad request'), { statusCode: 400 }), undefined);
    }
  });
  app.post(CSP_REPORT_PATH, { bodyLimit: MAX_REPORT_BYTES, config: { rateLimit: API_RATE_LIMIT } }, async (request, reply) => {
    for (const report of reportsOf(request.body)) logger.warn(`[csp] ${describeViolation(report)}`);
    return reply.code(204).send();
  });
}
