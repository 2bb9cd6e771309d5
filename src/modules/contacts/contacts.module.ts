import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompanyModule } from '../company/company.module';
import { CustomerModule } from '../customer/customer.module';
import { ContactListService } from './contact-list.service';
import { ContactListController, FollowUpController } from './contacts.controller';
import { ArticlesFixture, FollowLanguagesFixture, RelationsFixture } from './contacts.fixture';
import { ArticleEntity } from './entities/article.entity';
import { FollowLanguageEntity } from './entities/follow-language.entity';
import { FollowUpEntity } from './entities/follow-up.entity';
import { RelationEntity } from './entities/relation.entity';
import { FollowLanguageController } from './follow-language.controller';
import { FollowLanguageService } from './follow-language.service';
import { FollowUpService } from './follow-up.service';
import { RelationService } from './relation.service';

/** Relations (rep × customer), the contact list, follow-up notes (API.md §6.1–6.2) and follow-up phrases. */
@Module({
  imports: [TypeOrmModule.forFeature([RelationEntity, ArticleEntity, FollowUpEntity, FollowLanguageEntity]), CompanyModule, CustomerModule],
  controllers: [ContactListController, FollowUpController, FollowLanguageController],
  providers: [RelationService, ContactListService, FollowUpService, FollowLanguageService, ArticlesFixture, RelationsFixture, FollowLanguagesFixture],
  exports: [RelationService, FollowUpService, ContactListService],
})
export class ContactsModule {}
