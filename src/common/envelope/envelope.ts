/**
 * The legacy wire envelope. Every response body, success or failure, has this shape
 * (API.md §2). Controllers return `ok(msg, data)`; errors are rendered by the global filter.
 */
export interface Envelope<T = Record<string, unknown>> {
  code: number;
  msg: string | Record<string, unknown>;
  data: T;
}

/**
 * The `msg` of a success from the legacy views that never set one (follow_info, follow_language,
 * tag_customer): the legacy ResponseObj's empty default, kept on the wire.
 */
export const LEGACY_EMPTY_MSG = '';

export function ok<T extends object>(msg: string, data: T = {} as T): Envelope<T> {
  return { code: 200, msg, data };
}

/** The common list payload `{ret_data, data_count}` used by every legacy list endpoint. */
export interface ListData<T> {
  ret_data: T[];
  data_count: number;
}

export function list<T>(items: T[], total: number): ListData<T> {
  return { ret_data: items, data_count: total };
}
