import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Observable, catchError, throwError } from 'rxjs';
import { ValidationFailed } from '../errors/api-error';
import { fieldError } from '../errors/field-errors';
import { hasUnparsableBody } from '../http/body-parsers';
import { isDataException, nulCharacterErrors } from './input-guards';
import { DEFAULT_VALIDATION_STYLE, VALIDATION_STYLE, ValidationStyleOptions, renderValidationError } from './validation-style';

/**
 * Turns ValidationFailed (thrown by the global ValidationPipe or by a service) into the
 * route's legacy error shape, chosen with @ValidationStyle on the handler or controller.
 */
@Injectable()
export class ValidationStyleInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const style =
      this.reflector.getAllAndOverride<ValidationStyleOptions>(VALIDATION_STYLE, [context.getHandler(), context.getClass()]) ??
      DEFAULT_VALIDATION_STYLE;
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<{ body?: unknown; query?: unknown }>();
      if (hasUnparsableBody(request)) return throwError(() => renderValidationError(style, fieldError('body', 'invalid', '请求体格式错误。')));
      const nul = nulCharacterErrors(request.query, request.body);
      if (nul) return throwError(() => renderValidationError(style, nul));
    }
    return next.handle().pipe(
      catchError((err) => {
        if (err instanceof ValidationFailed) return throwError(() => renderValidationError(style, err.fieldErrors));
        if (isDataException(err)) return throwError(() => renderValidationError(style, fieldError('body', 'invalid')));
        return throwError(() => err);
      }),
    );
  }
}
