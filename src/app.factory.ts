import rateLimit from '@fastify/rate-limit';
import { Type } from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { WsAdapter } from '@nestjs/platform-ws';
import { FastifyReply, LogController } from 'fastify';
import { AppModule } from './app.module';
import { SignatureGuard } from './common/auth/signature.guard';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { ValidationFailed } from './common/errors/api-error';
import { BODY_LIMIT_BYTES, registerBodyParsers } from './common/http/body-parsers';
import { controllerByName, installDirectRoutes } from './common/http/direct-routes';
import { answerRouterError, clientErrorHandler } from './common/http/protocol-errors';
import { toFieldErrors } from './common/validation/class-validator-errors';
import { InputGuard } from './common/validation/input.guard';
import { QueryValidationPipe } from './common/validation/query-validation.pipe';
import { corsOriginAllowed } from './config/app-config';
import type { AppConfig } from './config/app-config';
import type { DestinationStream } from 'pino';
import { createRootLogger, lazyRequestLogger, logRequest, PinoNestLogger, requestIdOf } from './common/logging/logging';
import { setupSwagger } from './swagger';

/** TRUST_PROXY as Fastify takes it: a hop count becomes proxy-addr's "the first n hops" test. */
function trustProxyOption(trust: AppConfig['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

export interface CreateAppOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Extra modules (tests mount probe controllers through this). */
  extraModules?: Type[];
  /** Where log lines go (tests capture them); stdout by default. */
  logDestination?: DestinationStream;
}

/**
 * Builds the configured application (used by main.ts and by the end-to-end tests, so both
 * run exactly the same wiring). The caller decides when to listen.
 */
export async function createApp({ config, databaseUrl, extraModules = [], logDestination }: CreateAppOptions): Promise<NestFastifyApplication> {
  const logger = createRootLogger(config, logDestination);
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    // Who the client is (rate limit, logs): the socket's address unless TRUST_PROXY names the
    // proxies in front; trusting every X-Forwarded-For would let anyone pick their address.
    trustProxy: trustProxyOption(config.trustProxy),
    // Slow clients are cut off (408) instead of holding a connection open indefinitely.
    requestTimeout: config.requestTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    http: { headersTimeout: config.headersTimeoutMs, connectionsCheckingInterval: Math.min(1000, config.requestTimeoutMs) },
    // Malformed requests get an envelope, never Fastify's or Node's own body (API.md §2).
    frameworkErrors: (_error: unknown, _request: unknown, reply: unknown) => answerRouterError(reply as FastifyReply),
    clientErrorHandler,
    return503OnClosing: true,
    loggerInstance: logger,
    genReqId: requestIdOf,
    childLoggerFactory: lazyRequestLogger,
    // One access line per request, written by logRequest below (Fastify's own are two, at info).
    logController: new LogController({ disableRequestLogging: true }),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot({ config, databaseUrl, extraModules }), adapter, {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
  });
  app.useWebSocketAdapter(new WsAdapter(app));

  const fastify = app.getHttpAdapter().getInstance();
  registerBodyParsers(fastify);
  const validation = new QueryValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => new ValidationFailed(toFieldErrors(errors)),
  });
  if (config.directGetRoutes) {
    // Signed GETs skip Nest's per-request plumbing, with the same guards, pipe and filter (issue 9).
    installDirectRoutes(fastify, () => ({
      guards: [app.get(SignatureGuard), app.get(InputGuard)],
      pipe: validation,
      filter: app.get(AllExceptionsFilter),
      controller: controllerByName(app.get(ModulesContainer)),
    }));
  }

  if (config.maxConnections > 0) fastify.server.maxConnections = config.maxConnections;
  // Callback-style hooks: an async hook costs a promise per request on every route.
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  fastify.addHook('onResponse', logRequest);

  if (config.corsOrigins.length > 0) {
    // Browser front ends on other origins (CORS_ORIGINS). Signed query parameters, no cookies:
    // no credentials mode; a preflight is answered before the signature check and cached 10 min.
    const allowed = config.corsOrigins;
    app.enableCors({
      origin: (origin, callback) => callback(null, origin === undefined || corsOriginAllowed(allowed, origin)),
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type'],
      exposedHeaders: ['x-request-id', 'retry-after'],
      maxAge: 600,
    });
  }

  if (config.rateLimitPerMinute > 0) {
    // Per client IP (behind a proxy named by TRUST_PROXY: X-Forwarded-For). The thrown error carries
    // statusCode 429 and becomes the `请求过于频繁` envelope in the error handler above.
    await app.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      // The health check is never limited, whatever its query string.
      allowList: (request) => request.url === '/health' || request.url.startsWith('/health?'),
      errorResponseBuilder: (_request, context) => Object.assign(new Error('rate limited'), { statusCode: context.statusCode }),
    });
  }

  app.useGlobalPipes(validation);
  await setupSwagger(app);
  await app.init();
  return app;
}
