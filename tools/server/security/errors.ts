/**
 * The arena's plain-text answers for missing paths, wrong methods and failures. Bodies never echo
 * the request or an error's message for 5xx (a stack trace or a file path is nobody's business).
 * Parts with a JSON API set their own error handler inside their plugin.
 */

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../logger.ts';

function sendText(reply: FastifyReply, status: number, text: string): FastifyReply {
  return reply.code(status).header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'no-store').send(text);
}

export function sendNotFound(reply: FastifyReply): FastifyReply {
  return sendText(reply, 404, 'Not found\n');
}

export function sendMethodNotAllowed(reply: FastifyReply, allow: readonly string[]): FastifyReply {
  return sendText(reply.header('allow', allow.join(', ')), 405, 'Method not allowed\n');
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  503: 'Service unavailable',
};

/** The root error handler: 4xx keep their status with a generic text, anything else is a logged 500. */
export function errorHandler(logger: Logger) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) logger.error(`[server] ${request.method} ${request.url} failed:`, error);
    return sendText(reply, status, `${STATUS_TEXT[status] ?? (status >= 500 ? 'Internal server error' : 'Request refused')}\n`);
  };
}
