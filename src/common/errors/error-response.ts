import { randomUUID } from 'node:crypto';
import { HttpException, HttpStatus } from '@nestjs/common';
import { Envelope } from '../envelope/envelope';
import { ApiError, Errors, ValidationFailed } from './api-error';
import { DEFAULT_VALIDATION_STYLE, renderValidationError } from '../validation/validation-style';

export interface ErrorResponse {
  status: number;
  body: Envelope;
  /** Set for unexpected errors: the id is in the body and must be logged with the error. */
  errorId?: string;
  /** Extra response headers (Retry-After on 503). */
  headers?: Record<string, string>;
}

/** Seconds a client should wait before retrying while the database is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** SQLSTATEs of a server that is shutting down, starting, or out of connections, and class 08. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** Socket errors of a database that cannot be reached. */
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** What pg and pg-pool say when a connection dies or cannot be made (they carry no code). */
const UNAVAILABLE_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly)/;

/**
 * The database is unreachable (down, restarting, failing over, or the pool cannot get a
 * connection): answered 503 with Retry-After, so balancers and clients can tell an outage from
 * a defect. TypeORM wraps driver errors in QueryFailedError (driverError).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && typeof e === 'object' && depth < 3; depth++) {
    const code = typeof e.code === 'string' ? e.code : undefined;
    if (code && (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08') || UNAVAILABLE_SOCKET_CODES.has(code))) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
    e = (e.driverError ?? e.cause) as Record<string, unknown> | undefined;
  }
  return false;
}

function fromApiError(error: ApiError): ErrorResponse {
  return { status: error.httpStatus, body: { code: error.code, msg: error.msg, data: error.data } };
}

/**
 * The one mapping from anything thrown to what goes on the wire (API.md §2). Handled
 * outcomes are HTTP 200 with a legacy code; only 413, 429, 500 and 503 use another status.
 */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof ApiError) return fromApiError(error);
  if (error instanceof ValidationFailed) return fromApiError(renderValidationError(DEFAULT_VALIDATION_STYLE, error.fieldErrors));
  const status = httpStatusOf(error);
  // The rest of an oversize body is not read: the connection closes after the answer.
  if (status === HttpStatus.PAYLOAD_TOO_LARGE) return { ...fromApiError(Errors.tooLarge()), headers: { connection: 'close' } };
  if (status === HttpStatus.TOO_MANY_REQUESTS) return fromApiError(Errors.rateLimited());
  if (status === HttpStatus.NOT_FOUND || status === HttpStatus.METHOD_NOT_ALLOWED) return fromApiError(Errors.notFound());
  if (isDatabaseUnavailable(error)) {
    return { ...fromApiError(Errors.unavailable()), headers: { 'retry-after': String(UNAVAILABLE_RETRY_AFTER_SECONDS) } };
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return fromApiError(renderValidationError(DEFAULT_VALIDATION_STYLE, { body: [{ message: '请求格式错误。', code: 'invalid' }] }));
  }
  const errorId = randomUUID();
  return { status: 500, errorId, body: { code: 500, msg: '服务器内部错误', data: { error_id: errorId } } };
}

function httpStatusOf(error: unknown): number | undefined {
  if (error instanceof HttpException) return error.getStatus();
  const candidate = (error as { statusCode?: unknown })?.statusCode;
  return typeof candidate === 'number' ? candidate : undefined;
}
