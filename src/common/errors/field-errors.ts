/**
 * Django-shaped field errors (API.md §2): {"<field>": [{"message": "<中文说明>", "code": "<code>"}]}.
 */
export type FieldErrorCode = 'required' | 'invalid' | 'not_found' | 'out_of_range' | 'too_long';

export interface FieldError {
  message: string;
  code: FieldErrorCode;
}

export type FieldErrors = Record<string, FieldError[]>;

/** Standard Chinese messages, worded like Django's zh-hans translations. */
export const FIELD_ERROR_MESSAGES: Record<FieldErrorCode, string> = {
  required: '这个字段是必填项。',
  invalid: '请输入有效的值。',
  not_found: '对象不存在。',
  out_of_range: '超出允许的范围。',
  too_long: '长度超出限制。',
};

export function fieldError(field: string, code: FieldErrorCode, message = FIELD_ERROR_MESSAGES[code]): FieldErrors {
  return { [field]: [{ message, code }] };
}

export function mergeFieldErrors(...all: FieldErrors[]): FieldErrors {
  const out: FieldErrors = {};
  for (const errors of all) {
    for (const [field, list] of Object.entries(errors)) (out[field] ??= []).push(...list);
  }
  return out;
}
