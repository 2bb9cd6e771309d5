import { ArgumentMetadata, Type, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';

const MAX_REMEMBERED = 10_000;

interface Remembered {
  /** The DTO's validated properties: with `whitelist`, the only inputs its result depends on. */
  keys: string[];
  results: Map<string, object>;
}

/**
 * The global ValidationPipe, remembering what it made of a query string. Polling clients send
 * the same few parameters again and again (`u_id=…` with a new signature each time), and
 * class-transformer + class-validator cost about a fifth of a poll's CPU (issue 9 profile).
 * The result of a query DTO depends only on the values of its validated properties (whitelist
 * drops the rest; the DTOs' transforms read their own key only and nothing else, such as the
 * clock), so a valid query seen before is answered from memory with a fresh copy. Invalid
 * queries and bodies always take the full path. Bounded: the memory is emptied when full.
 */
export class QueryValidationPipe extends ValidationPipe {
  private readonly remembered = new Map<Type, Remembered>();

  constructor(options: ValidationPipeOptions) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const metatype = metadata.metatype;
    if (metadata.type !== 'query' || !metatype || !value || typeof value !== 'object' || !this.toValidate(metadata)) return super.transform(value, metadata);
    const memo = this.memoFor(metatype);
    const input = value as Record<string, unknown>;
    const key = JSON.stringify(memo.keys.map((k) => (Object.hasOwn(input, k) ? input[k] : '\u0000absent')));
    const known = memo.results.get(key);
    if (known) return copy(known);
    const result = (await super.transform(value, metadata)) as object;
    if (memo.results.size >= MAX_REMEMBERED) memo.results.clear();
    memo.results.set(key, copy(result));
    return result;
  }

  private memoFor(metatype: Type): Remembered {
    let memo = this.remembered.get(metatype);
    if (!memo) {
      const properties = getMetadataStorage()
        .getTargetValidationMetadatas(metatype, '', true, false)
        .map((m) => m.propertyName);
      memo = { keys: [...new Set(properties)].sort(), results: new Map() };
      this.remembered.set(metatype, memo);
    }
    return memo;
  }
}

/** A shallow copy with the same prototype (DTO values are primitives or arrays of them). */
function copy<T extends object>(dto: T): T {
  const clone = Object.assign(Object.create(Object.getPrototypeOf(dto)), dto) as Record<string, unknown>;
  for (const [k, v] of Object.entries(clone)) if (Array.isArray(v)) clone[k] = [...v];
  return clone as T;
}
