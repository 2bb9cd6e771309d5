import { Injectable } from '@nestjs/common';
import { CompanyService } from '../../modules/company/company.service';
import { CustomerService } from '../../modules/customer/customer.service';
import { PrincipalDirectory, PrincipalRecord, Surface } from './principal';

/** Binds the guard's lookups to the rep and customer tables (each surface its own table). */
@Injectable()
export class DbPrincipalDirectory extends PrincipalDirectory {
  constructor(
    private readonly companies: CompanyService,
    private readonly customers: CustomerService,
  ) {
    super();
  }

  async find(role: Surface, id: number): Promise<PrincipalRecord | null> {
    const row = role === 'rep' ? await this.companies.findRepCredentials(id) : await this.customers.findCredentials(id);
    return row ? { id: row.id, companyId: row.companyId, token: row.token, disabled: row.disabled } : null;
  }
}
