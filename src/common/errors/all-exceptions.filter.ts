import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { toErrorResponse } from './error-response';

/** The single global exception filter: everything thrown leaves as an envelope, never HTML. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const response = toErrorResponse(exception);
    if (response.errorId) {
      this.logger.error({ err: exception, error_id: response.errorId }, 'unexpected error');
    }
    void reply.status(response.status).header('content-type', 'application/json; charset=utf-8').send(response.body);
  }
}
