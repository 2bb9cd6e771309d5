import { Controller, Get, Header, Inject, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/auth/surface.decorators';
import { Errors } from '../common/errors/api-error';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { DEMO_FIXTURE } from '../modules/seed/demo-fixture';
import { CONSOLE_PAGE, DOCS_UI_ASSETS, loadDocsUiFiles } from './docs-ui.assets';

/**
 * The QA console page (/console) and the browser files shared by it and Swagger UI (/docs).
 * Public (API.md §1): the pages sign their own API calls in the browser.
 */
@ApiExcludeController()
@Controller('console')
export class DocsUiController {
  private readonly files = loadDocsUiFiles();

  @Public()
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-cache')
  page(): string {
    return this.files.get(CONSOLE_PAGE)!;
  }

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * The demo principals (src/modules/seed/demo-fixture.ts) to prefill the console. Their
   * tokens are public demo values (repository, seed output), but a deployment may hold them
   * with real data: served only where SERVE_DEMO_PRINCIPALS allows (embedded mode by default).
   */
  @Public()
  @Get('demo-principals.json')
  @Header('cache-control', 'no-cache')
  demoPrincipals() {
    if (!this.config.serveDemoPrincipals) throw Errors.notFound();
    const reps = (DEMO_FIXTURE.reps ?? []) as Array<{ id: number; name: string; token: string }>;
    const customers = (DEMO_FIXTURE.customers ?? []) as Array<{ id: number; username: string; token: string }>;
    return {
      reps: reps.map((r) => ({ user_id: r.id, name: r.name, token: r.token })),
      customers: customers.map((c) => ({ user_id: c.id, name: c.username, token: c.token })),
    };
  }

  @Public()
  @Get('assets/:file')
  @Header('cache-control', 'no-cache')
  asset(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): string {
    const type = Object.hasOwn(DOCS_UI_ASSETS, file) ? DOCS_UI_ASSETS[file] : undefined;
    if (!type) throw Errors.notFound();
    void reply.type(type);
    return this.files.get(file)!;
  }
}
