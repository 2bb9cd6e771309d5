import rateLimit from '@fastify/rate-limit';
import { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { WsAdapter } from '@nestjs/platform-ws';
import { LogController } from 'fastify';
import { AppModule } from './app.module';
import { ValidationFailed } from './common/errors/api-error';
import { BODY_LIMIT_BYTES, registerBodyParsers } from './common/http/body-parsers';
import { toFieldErrors } from './common/validation/class-validator-errors';
import { QueryValidationPipe } from './common/validation/query-validation.pipe';
import type { AppConfig } from './config/app-config';
import type { DestinationStream } from 'pino';
import { createRootLogger, logRequest, PinoNestLogger, requestIdOf } from './common/logging/logging';
import { setupSwagger } from './swagger';

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
    trustProxy: true,
    return503OnClosing: true,
    loggerInstance: logger,
    genReqId: requestIdOf,
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
  // Callback-style hooks: an async hook costs a promise per request on every route.
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  fastify.addHook('onResponse', logRequest);


  if (config.rateLimitPerMinute > 0) {
    // Per client IP (behind a proxy: X-Forwarded-For, trustProxy). The thrown error carries
    // statusCode 429 and becomes the `请求过于频繁` envelope in the error handler above.
    await app.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      allowList: (request) => request.url === '/health',
      errorResponseBuilder: (_request, context) => Object.assign(new Error('rate limited'), { statusCode: context.statusCode }),
    });
  }

  app.useGlobalPipes(
    new QueryValidationPipe({
      transform: true,
      whitelist: true,
      forbidUnknownValues: false,
      exceptionFactory: (errors) => new ValidationFailed(toFieldErrors(errors)),
    }),
  );
  await setupSwagger(app);
  await app.init();
  return app;
}
