import { DocsUiModule } from '../docs-ui/docs-ui.module';
import { ActionLogModule } from './action-log/action-log.module';
import { CannedRepliesModule } from './canned-replies/canned-replies.module';
import { ChatModule } from './chat/chat.module';
import { CompanyModule } from './company/company.module';
import { ContactsModule } from './contacts/contacts.module';
import { CustomerProfileModule } from './customer/customer-profile.module';
import { CustomerModule } from './customer/customer.module';
import { HealthModule } from './health/health.module';
import { SeedModule } from './seed/seed.module';

/** The feature modules the app is made of. */
export const FEATURE_MODULES = [
  HealthModule,
  CompanyModule,
  CustomerModule,
  ContactsModule,
  CustomerProfileModule,
  ActionLogModule,
  ChatModule,
  CannedRepliesModule,
  SeedModule,
  DocsUiModule,
];
