import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply } from 'fastify';
import { fieldError } from '../errors/field-errors';
import { DEFAULT_VALIDATION_STYLE, renderValidationError } from '../validation/validation-style';
import { toErrorResponse } from '../errors/error-response';

/**
 * Requests Fastify's router refuses before any route runs: a path that cannot be
 * percent-decoded (FST_ERR_BAD_URL) or a path parameter over 100 characters
 * (FST_ERR_MAX_PARAM_LENGTH). They get the validation envelope (402, `path` invalid) like any
 * other malformed request; Fastify's own answer echoes the whole URL, signature included.
 */
export function answerRouterError(reply: FastifyReply): void {
  const response = toErrorResponse(renderValidationError(DEFAULT_VALIDATION_STYLE, fieldError('path', 'invalid', '请求路径格式错误。')));
  void reply.status(response.status).header('content-type', 'application/json; charset=utf-8').send(response.body);
}

/** What Node's HTTP parser refuses, as [HTTP status, envelope code, msg] (API.md §2). */
function clientErrorOutcome(code: string | undefined): [number, string] {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return [408, '请求超时'];
  if (code === 'HPE_HEADER_OVERFLOW') return [431, '请求头过大'];
  return [400, '请求格式错误'];
}

/**
 * Requests Node cannot parse as HTTP (a broken request line, raw bytes in headers, headers over
 * 16 KiB) or that were too slow to arrive (REQUEST_TIMEOUT_MS, HEADERS_TIMEOUT_MS): there is no
 * request to route, so the answer is written on the socket, still as an envelope whose code is
 * the HTTP status, and the connection is closed.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, msg] = clientErrorOutcome(error.code);
  const body = JSON.stringify({ code: status, msg, data: {} });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
