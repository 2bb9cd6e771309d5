import { FieldErrors } from './field-errors';

/**
 * A handled outcome with a stable legacy code. Services throw these; the global exception
 * filter renders them once, as HTTP 200 with the envelope (API.md §2).
 */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly msg: string | Record<string, unknown>,
    readonly data: Record<string, unknown> = {},
    readonly httpStatus = 200,
  ) {
    super(typeof msg === 'string' ? msg : JSON.stringify(msg));
    this.name = 'ApiError';
  }
}

export type SignatureFailureReason = 'missing_params' | 'unknown_user' | 'bad_signature' | 'expired';

export const Errors = {
  signature: (reason: SignatureFailureReason) => new ApiError(400, 'token异常', { reason }),
  noRelation: () => new ApiError(307, '用户-客户关系不存在'),
  tagNotFound: () => new ApiError(301, '用户标签不存在'),
  noData: () => new ApiError(302, '没有数据'),
  /** tag_customer/add with an empty customer_list (legacy wording). */
  noTaggedCustomers: () => new ApiError(302, '标签关联客户不能为空'),
  /** follow_language/delete of a phrase that is not the caller's own (legacy wording). */
  phraseNotDeletable: () => new ApiError(302, 'ID不存在或者不允许删除'),
  notFound: () => new ApiError(404, '接口不存在'),
  tooLarge: () => new ApiError(413, '请求体过大', {}, 413),
  rateLimited: () => new ApiError(429, '请求过于频繁', {}, 429),
  /** What Node refuses before there is a request to route: the envelope's code is the HTTP status. */
  malformedHttp: () => new ApiError(400, '请求格式错误', {}, 400),
  requestTimeout: () => new ApiError(408, '请求超时', {}, 408),
  headersTooLarge: () => new ApiError(431, '请求头过大', {}, 431),
  /** The database is unreachable: an outage, not a defect (sent with Retry-After). */
  unavailable: () => new ApiError(503, '服务暂不可用', {}, 503),
  /** Anything unexpected; the id is logged with the error (never its details on the wire). */
  internal: (errorId = '') => new ApiError(500, '服务器内部错误', { error_id: errorId }, 500),
};

/**
 * Invalid input. Where the field errors go and which code is used is a per-route choice
 * (see @ValidationStyle); the exception filter renders it in the route's style.
 */
export class ValidationFailed extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super('validation failed');
    this.name = 'ValidationFailed';
  }
}
