import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';

/**
 * What a database failure means for the caller, in one place: refused input (answered as the
 * route's validation error) or an unreachable database (503). Anything else is a defect (500).
 */

/** The SQLSTATE or socket error code an error carries, if any. */
function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Safety net: input that validation let through but PostgreSQL refused is still bad input, so
 * it gets the route's validation envelope rather than a 500: a data exception (SQLSTATE class
 * 22: a value out of range, malformed or too long for its column) or an integrity constraint
 * violation (class 23: a CHECK, a foreign key to a row that does not exist). Expected conflicts
 * (a unique key raced by a retry) are handled where they happen and never reach this.
 */
export function isRefusedInput(error: unknown): boolean {
  // TypeORM wraps driver errors; the plain SQL path (Sql) throws pg's DatabaseError itself.
  if (!(error instanceof QueryFailedError || error instanceof DatabaseError)) return false;
  const code = codeOf(error) ?? codeOf((error as { driverError?: unknown }).driverError);
  return code !== undefined && (code.startsWith('22') || code.startsWith('23'));
}

/** Seconds a client should wait before retrying while the database is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** SQLSTATEs of a server that is shutting down, starting, or out of connections, and class 08. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** Socket errors of a database that cannot be reached. */
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** What pg and pg-pool say when a connection dies or cannot be made (they carry no code). */
const UNAVAILABLE_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly)/;

/**
 * The database is unreachable (down, restarting, failing over, or the pool cannot get a
 * connection): answered 503 with Retry-After, so balancers and clients can tell an outage from
 * a defect. TypeORM wraps driver errors in QueryFailedError (driverError).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && typeof e === 'object' && depth < 3; depth++) {
    const code = codeOf(e);
    if (code && (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08') || UNAVAILABLE_SOCKET_CODES.has(code))) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
    e = (e.driverError ?? e.cause) as Record<string, unknown> | undefined;
  }
  return false;
}
