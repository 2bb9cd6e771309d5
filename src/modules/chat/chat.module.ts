import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChatEngagementSource } from '../action-log/radar-ports';
import { CompanyModule } from '../company/company.module';
import { ContactsModule } from '../contacts/contacts.module';
import { CustomerModule } from '../customer/customer.module';
import { ChatContactsService } from './chat-contacts.service';
import { ChatEngagementService } from './chat-engagement.service';
import { MessagesFixture } from './chat.fixture';
import { ChatService } from './chat.service';
import { CustomerChatController, MiniProgramChatController } from './customer-chat.controller';
import { ChatMessageEntity } from './entities/chat-message.entity';
import { ConversationEntity } from './entities/conversation.entity';
import { ReadPositionEntity } from './entities/read-position.entity';
import { RepChatController } from './rep-chat.controller';
import { RepContactController } from './rep-contact.controller';

/** Two-sided chat (API.md §4, §5.1–5.5); realtime delivery goes through the EventBus (§7). */
@Module({
  imports: [TypeOrmModule.forFeature([ConversationEntity, ChatMessageEntity, ReadPositionEntity]), CompanyModule, CustomerModule, ContactsModule],
  controllers: [CustomerChatController, MiniProgramChatController, RepChatController, RepContactController],
  providers: [
    ChatService,
    ChatContactsService,
    ChatEngagementService,
    { provide: ChatEngagementSource, useExisting: ChatEngagementService },
    MessagesFixture,
  ],
  exports: [ChatService, ChatEngagementSource],
})
export class ChatModule {}
