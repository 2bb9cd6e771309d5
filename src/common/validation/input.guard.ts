import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { fieldError } from '../errors/field-errors';
import { hasUnparsableBody } from '../http/body-parsers';
import { RouteMemo } from '../http/route-memo';
import { unsafeInputErrors } from './input-guards';
import { DEFAULT_VALIDATION_STYLE, VALIDATION_STYLE, ValidationStyleOptions, renderValidationError } from './validation-style';

const STYLE_KEY = Symbol('leida.validationStyle');

/** The validation style of the route that received `request` (set by InputGuard). */
export function validationStyleOf(request: unknown): ValidationStyleOptions {
  return (request as Record<symbol, ValidationStyleOptions | undefined> | undefined)?.[STYLE_KEY] ?? DEFAULT_VALIDATION_STYLE;
}

/**
 * Global guard, after the signature guard: records the route's @ValidationStyle on the request
 * (the exception filter renders ValidationFailed and data exceptions with it) and refuses, in
 * that style, a body that could not be parsed, input carrying NUL characters or nested too deep. A guard rather
 * than an interceptor: interceptors put an rxjs pipeline on every request.
 */
@Injectable()
export class InputGuard implements CanActivate {
  private readonly styles = new RouteMemo<ValidationStyleOptions>(
    (targets) => this.reflector.getAllAndOverride<ValidationStyleOptions>(VALIDATION_STYLE, targets) ?? DEFAULT_VALIDATION_STYLE,
  );

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const style = this.styles.of(context);
    const request = context.switchToHttp().getRequest<{ body?: unknown; query?: unknown; [STYLE_KEY]?: ValidationStyleOptions }>();
    request[STYLE_KEY] = style;
    if (hasUnparsableBody(request)) throw renderValidationError(style, fieldError('body', 'invalid', '请求体格式错误。'));
    const unsafe = unsafeInputErrors(request.query, request.body);
    if (unsafe) throw renderValidationError(style, unsafe);
    return true;
  }
}
