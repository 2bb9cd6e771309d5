import { Module } from '@nestjs/common';
import { DocsUiController } from './docs-ui.controller';

/** Browser-side QA tools: the console page and the signing script shared with Swagger UI. */
@Module({ controllers: [DocsUiController] })
export class DocsUiModule {}
