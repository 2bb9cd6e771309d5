import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CompanyModule } from '../../modules/company/company.module';
import { CustomerModule } from '../../modules/customer/customer.module';
import { PrincipalDirectory } from './principal';
import { DbPrincipalDirectory } from './principal-directory.service';
import { SignatureGuard } from './signature.guard';
import { InputGuard } from '../validation/input.guard';

@Global()
@Module({
  imports: [CompanyModule, CustomerModule],
  providers: [
    { provide: PrincipalDirectory, useClass: DbPrincipalDirectory },
    SignatureGuard,
    InputGuard,
    // Global guards run in this order: the signature first, then the input checks. The direct
    // GET routes (common/http/direct-routes.ts) run the same two, in the same order.
    { provide: APP_GUARD, useExisting: SignatureGuard },
    { provide: APP_GUARD, useExisting: InputGuard },
  ],
  exports: [SignatureGuard, InputGuard, PrincipalDirectory],
})
export class AuthModule {}
