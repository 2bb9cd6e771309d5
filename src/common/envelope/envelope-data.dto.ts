/**
 * `data` shapes shared by several operations (the wire DTOs of one operation live in its
 * module's `dto/*.response.dto.ts`). These classes only describe the wire for OpenAPI and the
 * compiler: mappers return plain objects typed with them, never instances.
 */

/** `data` of an outcome that carries nothing: always `{}`. */
export class EmptyData {}

/** `data` of a create: the id of the stored (or, on an idempotent retry, the existing) row. */
export class CreatedId {
  /** The row's id. */
  id!: number;
}
