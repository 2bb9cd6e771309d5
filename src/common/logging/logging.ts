import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyChildLoggerFactory } from 'fastify/types/logger';
import type { LoggerService } from '@nestjs/common';
import pino, { Logger as PinoLogger } from 'pino';
import type { AppConfig } from '../../config/app-config';

/** Query parameters whose values never reach a log line (a valid signature is a credential). */
const SECRET_PARAMS = new Set(['rand_str', 'token']);

/** A query key as the server reads it (percent- and plus-decoded); undefined if it cannot be decoded. */
function decodedKey(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The URL with the values of secret parameters replaced, judged on each key as decoded (the
 * guard reads `rand%5Fstr=` as rand_str too); a key that cannot be decoded is redacted as well.
 */
export function redactUrl(url: string | undefined): string | undefined {
  const q = url?.indexOf('?') ?? -1;
  if (!url || q < 0) return url;
  const params = url.slice(q + 1).split('&').map((part) => {
    const eq = part.indexOf('=');
    if (eq < 0) return part;
    const key = decodedKey(part.slice(0, eq));
    return key === undefined || SECRET_PARAMS.has(key) ? `${part.slice(0, eq)}=[redacted]` : part;
  });
  return `${url.slice(0, q + 1)}${params.join('&')}`;
}

/** The caller's `x-request-id` when it is sane, else a new one. Echoed back on the response. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
}

/**
 * The one structured JSON logger: Fastify logs each request with its request id through it,
 * and Nest's own logs go through it (PinoNestLogger). URLs are logged with secrets redacted;
 * headers, query objects and bodies are never logged.
 */
export function createRootLogger(config: Pick<AppConfig, 'logLevel'>, destination?: pino.DestinationStream): PinoLogger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    serializers: {
      req: (req: { id?: string; method?: string; url?: string; ip?: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url), ip: req.ip }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: pino.stdSerializers.err,
    },
    redact: { paths: ['*.token', '*.rand_str', 'req.headers', 'req.query', 'req.body'], remove: true },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Nest's own logs (bootstrap, `new Logger(context)` in services) through the root pino logger,
 * with the context as a field. Deliberately without request-scoped context: that needs an
 * AsyncLocalStorage per request, and on Node 20 any AsyncLocalStorage turns on promise hooks
 * that slow every promise in the process (measured: about a third of a polling request's CPU;
 * decision 2026-11-29, docs/decisions/performance.md). A line about a request is written with
 * that request's own logger instead (`request.log`, which carries the request id).
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: PinoLogger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  /** Nest passes (message, ...params, context): objects become fields, strings the message. */
  private write(level: pino.Level, message: unknown, rest: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    if (message instanceof Error) fields.err = message;
    else if (typeof message === 'object' && message !== null) Object.assign(fields, message);
    const text = typeof message === 'string' ? message : typeof rest[0] === 'string' ? (rest.shift() as string) : undefined;
    this.logger[level](fields, text);
  }
}

/** A request slower than this is logged at warn whatever the level. */
export const SLOW_REQUEST_MS = 1000;

/**
 * The access log: one line per request at `debug` (LOG_LEVEL=debug turns it on), and slow
 * requests at `warn`. At the default level a request writes nothing unless it fails (the
 * exception filter logs unexpected errors with their error_id): polling clients make most of
 * the traffic, and two JSON lines per poll cost more than the poll's own work (decision
 * 2026-11-29, docs/decisions/performance.md).
 */
export function logRequest(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const responseTime = reply.elapsedTime;
  if (responseTime >= SLOW_REQUEST_MS) request.log.warn({ req: request, res: reply, responseTime }, 'slow request');
  else if ((request.log as PinoLogger).isLevelEnabled('debug')) request.log.debug({ req: request, res: reply, responseTime }, 'request completed');
  done();
}

type LogMethod = (...args: unknown[]) => void;

/**
 * `request.log` made on first use. Fastify gives every request a pino child carrying its id;
 * making one (bindings serialised to JSON) is about 2 % of a poll's CPU, and at the default
 * level a request that succeeds never logs (issue 9 profile). Level checks answer from the
 * parent, which has the same level; the first line written makes the real child. Methods live
 * on the prototype: a request allocates one small object.
 */
export class LazyRequestLogger {
  private made?: PinoLogger;

  constructor(
    private readonly parent: PinoLogger,
    private readonly bindings: pino.Bindings,
    private readonly options: pino.ChildLoggerOptions,
  ) {}

  get level(): string {
    return this.parent.level;
  }
  isLevelEnabled(level: string): boolean {
    return this.parent.isLevelEnabled(level);
  }
  child(bindings: pino.Bindings, options?: pino.ChildLoggerOptions): PinoLogger {
    return this.logger().child(bindings, options);
  }

  private logger(): PinoLogger {
    return (this.made ??= this.parent.child(this.bindings, this.options));
  }
  info(...args: unknown[]): void {
    this.write('info', args);
  }
  error(...args: unknown[]): void {
    this.write('error', args);
  }
  warn(...args: unknown[]): void {
    this.write('warn', args);
  }
  debug(...args: unknown[]): void {
    this.write('debug', args);
  }
  trace(...args: unknown[]): void {
    this.write('trace', args);
  }
  fatal(...args: unknown[]): void {
    this.write('fatal', args);
  }
  silent(): void {}

  private write(level: pino.Level, args: unknown[]): void {
    if (this.parent.isLevelEnabled(level)) (this.logger()[level] as LogMethod)(...args);
  }
}

/** Fastify's `childLoggerFactory`: the request logger, made lazily (the parent is createRootLogger's). */
export const lazyRequestLogger: FastifyChildLoggerFactory = (parent, bindings, options) => new LazyRequestLogger(parent as PinoLogger, bindings, options);
