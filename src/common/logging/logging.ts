import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Params } from 'nestjs-pino';
import pino, { Logger as PinoLogger } from 'pino';
import type { AppConfig } from '../../config/app-config';

/** Query parameters whose values never reach a log line (a valid signature is a credential). */
const SECRET_PARAMS = /([?&](?:rand_str|token)=)[^&#]*/gi;

export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(SECRET_PARAMS, '$1[redacted]');
}

/** The caller's `x-request-id` when it is sane, else a new one. Echoed back on the response. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
}

/**
 * The one structured JSON logger: Fastify logs each request with its request id through it,
 * and Nest's own logs go through it (nestjs-pino). URLs are logged with secrets redacted;
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

export function loggerParams(logger: PinoLogger): Params {
  return { pinoHttp: { logger, autoLogging: false }, useExisting: true };
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
export async function logRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const responseTime = reply.elapsedTime;
  if (responseTime >= SLOW_REQUEST_MS) request.log.warn({ req: request, res: reply, responseTime }, 'slow request');
  else if ((request.log as PinoLogger).isLevelEnabled('debug')) request.log.debug({ req: request, res: reply, responseTime }, 'request completed');
}
