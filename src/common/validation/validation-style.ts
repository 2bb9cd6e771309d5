import { SetMetadata } from '@nestjs/common';
import { ApiError } from '../errors/api-error';
import { FieldErrors } from '../errors/field-errors';

/**
 * Where a route puts its field errors (API.md §2):
 * - 'data':     {"code":402,"msg":"请求异常","data":{field errors}} (most routes)
 * - 'msg':      {"code":303,"msg":{field errors},"data":{}}  (customer update endpoints)
 * - 'msg-json': {"code":303,"msg":"{\"field\":[...]}","data":{}} (update_expected_time, legacy quirk)
 */
export type ErrorPlacement = 'data' | 'msg' | 'msg-json';

export interface ValidationStyleOptions {
  code: number;
  placement: ErrorPlacement;
}

export const VALIDATION_STYLE = 'leida:validation-style';
export const DEFAULT_VALIDATION_STYLE: ValidationStyleOptions = { code: 402, placement: 'data' };

/** Chooses the legacy code and error placement for invalid input on a route (or a controller). */
export const ValidationStyle = (code: number, placement: ErrorPlacement = 'data') =>
  SetMetadata(VALIDATION_STYLE, { code, placement } satisfies ValidationStyleOptions);

/** The one place that decides how invalid input looks on the wire. */
export function renderValidationError(style: ValidationStyleOptions, errors: FieldErrors): ApiError {
  switch (style.placement) {
    case 'msg':
      return new ApiError(style.code, errors, {});
    case 'msg-json':
      return new ApiError(style.code, JSON.stringify(errors), {});
    default:
      return new ApiError(style.code, '请求异常', errors);
  }
}
