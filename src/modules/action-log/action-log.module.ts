import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactsModule } from '../contacts/contacts.module';
import { CustomerModule } from '../customer/customer.module';
import { ActionLogController } from './action-log.controller';
import { ActionLogService } from './action-log.service';
import { ActionRecordController } from './action-record.controller';
import { ActionsFixture } from './actions.fixture';
import { AiPrScorerService } from './ai-pr-scorer.service';
import { RadarActionEntity } from './entities/radar-action.entity';
import { AiPrScorer, RadarActionRecorder } from './radar-ports';
import { RadarSummaryService } from './radar-summary.service';

/**
 * The radar (API.md §6.8–6.10). Global: other modules inject its ports (RadarActionRecorder,
 * AiPrScorer) without importing it, so ActionLog and Chat/Customer never import each other.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([RadarActionEntity]), CustomerModule, ContactsModule],
  controllers: [ActionLogController, ActionRecordController],
  providers: [
    ActionLogService,
    RadarSummaryService,
    AiPrScorerService,
    ActionsFixture,
    { provide: RadarActionRecorder, useExisting: ActionLogService },
    { provide: AiPrScorer, useExisting: AiPrScorerService },
  ],
  exports: [RadarActionRecorder, AiPrScorer],
})
export class ActionLogModule {}
