import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReplyGroupsFixture, ReplyPhrasesFixture } from './canned-reply.fixture';
import { CannedReplyController } from './canned-reply.controller';
import { CannedReplyService } from './canned-reply.service';
import { ReplyGroupEntity } from './entities/reply-group.entity';
import { ReplyPhraseEntity } from './entities/reply-phrase.entity';

/** Canned replies (话术库): a company's reply groups and phrases (issue 12). */
@Module({
  imports: [TypeOrmModule.forFeature([ReplyGroupEntity, ReplyPhraseEntity])],
  controllers: [CannedReplyController],
  providers: [CannedReplyService, ReplyGroupsFixture, ReplyPhrasesFixture],
})
export class CannedRepliesModule {}
