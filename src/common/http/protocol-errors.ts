import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply } from 'fastify';
import { ApiError, Errors } from '../errors/api-error';
import { fieldError } from '../errors/field-errors';
import { DEFAULT_VALIDATION_STYLE, renderValidationError } from '../validation/validation-style';
import { toErrorResponse } from '../errors/error-response';

/**
 * Requests Fastify's router refuses before any route runs: a path that cannot be
 * percent-decoded (FST_ERR_BAD_URL) or a path parameter over 100 characters
 * (FST_ERR_MAX_PARAM_LENGTH). They get the validation envelope (402, `path` invalid) like any
 * other malformed request; Fastify's own answer echoes the whole URL, signature included.
 */
/** The field error of a path the router cannot decode (answered before any route, so in the default style). */
export const UNDECODABLE_PATH = fieldError('path', 'invalid', '请求路径格式错误。');

export function answerRouterError(reply: FastifyReply): void {
  const response = toErrorResponse(renderValidationError(DEFAULT_VALIDATION_STYLE, UNDECODABLE_PATH));
  void reply.status(response.status).header('content-type', 'application/json; charset=utf-8').send(response.body);
}

/** What Node's HTTP parser refused or timed out, as the outcome the client gets (API.md §2). */
function clientErrorOutcome(code: string | undefined): ApiError {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return Errors.requestTimeout();
  if (code === 'HPE_HEADER_OVERFLOW') return Errors.headersTooLarge();
  return Errors.malformedHttp();
}

/**
 * Requests Node cannot parse as HTTP (a broken request line, raw bytes in headers, headers over
 * 16 KiB) or that were too slow to arrive (REQUEST_TIMEOUT_MS, HEADERS_TIMEOUT_MS): there is no
 * request to route, so the envelope is written on the socket, and the connection is closed.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, body } = toErrorResponse(clientErrorOutcome(error.code));
  const json = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy();
}
