import { randomUUID } from 'node:crypto';
import { HttpException, HttpStatus } from '@nestjs/common';
import { Envelope } from '../envelope/envelope';
import { ApiError, Errors, ValidationFailed } from './api-error';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from './database-errors';
import { DEFAULT_VALIDATION_STYLE, renderValidationError } from '../validation/validation-style';

export interface ErrorResponse {
  status: number;
  body: Envelope;
  /** Set for unexpected errors: the id is in the body and must be logged with the error. */
  errorId?: string;
  /** Extra response headers (Retry-After on 503). */
  headers?: Record<string, string>;
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
  return { ...fromApiError(Errors.internal(errorId)), errorId };
}

function httpStatusOf(error: unknown): number | undefined {
  if (error instanceof HttpException) return error.getStatus();
  const candidate = (error as { statusCode?: unknown })?.statusCode;
  return typeof candidate === 'number' ? candidate : undefined;
}
