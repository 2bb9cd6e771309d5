import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompanyModule } from '../company/company.module';
import { CustomerModule } from '../customer/customer.module';
import { ContactListService } from './contact-list.service';
import { ContactListController, FollowUpController } from './contacts.controller';
import { ArticlesFixture, RelationsFixture } from './contacts.fixture';
import { ArticleEntity } from './entities/article.entity';
import { FollowUpEntity } from './entities/follow-up.entity';
import { RelationEntity } from './entities/relation.entity';
import { FollowUpService } from './follow-up.service';
import { RelationService } from './relation.service';

/** Relations (rep × customer), the contact list and follow-up notes (API.md §6.1–6.2). */
@Module({
  imports: [TypeOrmModule.forFeature([RelationEntity, ArticleEntity, FollowUpEntity]), CompanyModule, CustomerModule],
  controllers: [ContactListController, FollowUpController],
  providers: [RelationService, ContactListService, FollowUpService, ArticlesFixture, RelationsFixture],
  exports: [RelationService, FollowUpService, ContactListService],
})
export class ContactsModule {}
