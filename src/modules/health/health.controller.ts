import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/auth/surface.decorators';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../../common/errors/database-errors';

/**
 * Liveness and readiness for load balancers and docker-compose: checks the database.
 * Not a legacy endpoint, so it answers 503 when the database is down (balancers read the status).
 */
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  @Public()
  @Get()
  @HttpCode(200)
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      const result = await this.health.check([() => this.db.pingCheck('database', { timeout: 3000 })]);
      return { code: 200, msg: 'ok', data: { status: result.status, database: 'up' } };
    } catch {
      reply.status(503).header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      return { code: 503, msg: 'database unavailable', data: { status: 'error', database: 'down' } };
    }
  }
}
