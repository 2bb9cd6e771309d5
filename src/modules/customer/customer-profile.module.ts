import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactsModule } from '../contacts/contacts.module';
import { CustomerProfileController } from './customer-profile.controller';
import { CustomerProfileService } from './customer-profile.service';
import { CustomerUpdateService } from './customer-update.service';
import { CustomerModule } from './customer.module';
import { CustomerTagEntity } from './entities/customer-tag.entity';
import { TagEntity } from './entities/tag.entity';
import { TagCustomerController } from './tag-customer.controller';
import { TagController } from './tag.controller';
import { TagService } from './tag.service';
import { CustomerTagsFixture, TagsFixture } from './tags.fixture';

/**
 * The rep's view of a customer: profile, per-rep information, expected close date and
 * probability, tags (API.md §6.3–6.7). Separate from CustomerModule (the customer principal,
 * which ContactsModule needs) so the imports stay one-way: Customer ← Contacts ← CustomerProfile.
 */
@Module({
  imports: [TypeOrmModule.forFeature([TagEntity, CustomerTagEntity]), CustomerModule, ContactsModule],
  controllers: [CustomerProfileController, TagController, TagCustomerController],
  providers: [CustomerProfileService, CustomerUpdateService, TagService, TagsFixture, CustomerTagsFixture],
  exports: [TagService],
})
export class CustomerProfileModule {}
