import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isRefusedInput } from './database-errors';
import { validationStyleOf } from '../validation/input.guard';
import { renderValidationError } from '../validation/validation-style';
import { ValidationFailed } from './api-error';
import { toErrorResponse } from './error-response';
import { fieldError } from './field-errors';

/** The single global exception filter: everything thrown leaves as an envelope, never HTML. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest | undefined>();
    const response = toErrorResponse(inRouteStyle(exception, request));
    if (response.errorId) {
      // The request's own logger carries its request id; the class logger is the fallback.
      const log = request?.log;
      if (log) log.error({ err: exception, error_id: response.errorId }, 'unexpected error');
      else this.logger.error({ err: exception, error_id: response.errorId }, 'unexpected error');
    }
    if (response.headers) void reply.headers(response.headers);
    void reply.status(response.status).header('content-type', 'application/json; charset=utf-8').send(response.body);
  }
}

/**
 * Invalid input in the legacy shape of the route that received it (@ValidationStyle): field
 * errors thrown by the ValidationPipe or a service, and input that validation let through but
 * PostgreSQL refused (isRefusedInput).
 */
function inRouteStyle(exception: unknown, request: unknown): unknown {
  if (exception instanceof ValidationFailed) return renderValidationError(validationStyleOf(request), exception.fieldErrors);
  if (isRefusedInput(exception)) return renderValidationError(validationStyleOf(request), fieldError('body', 'invalid'));
  return exception;
}
