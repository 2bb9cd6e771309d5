import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/app-config';
import type { AppConfig } from '../../config/app-config';
import { EventBus } from '../../realtime/realtime-event';
import { CompanyService } from '../../modules/company/company.service';
import { CustomerService } from '../../modules/customer/customer.service';
import { PrincipalDirectory, PrincipalRecord, Surface } from './principal';
import { PrincipalCache } from './principal-cache';

/**
 * Binds the guard's lookups to the rep and customer tables (each surface its own table),
 * through a short-lived cache that credential changes invalidate (PRINCIPAL_CACHE_SECONDS).
 */
@Injectable()
export class DbPrincipalDirectory extends PrincipalDirectory {
  private readonly cache: PrincipalCache;

  constructor(
    private readonly companies: CompanyService,
    private readonly customers: CustomerService,
    bus: EventBus,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.cache = new PrincipalCache(config.principalCacheSeconds * 1000);
    bus.onPrincipalChanged((key) => (key === null ? this.cache.clear() : this.cache.invalidate(key)));
  }

  async find(role: Surface, id: number): Promise<PrincipalRecord | null> {
    const cached = this.cache.get(role, id);
    if (cached) return cached;
    const version = this.cache.version;
    const row = role === 'rep' ? await this.companies.findRepCredentials(id) : await this.customers.findCredentials(id);
    if (!row) return null;
    const record = { id: row.id, companyId: row.companyId, token: row.token, disabled: row.disabled };
    this.cache.set(role, record, version);
    return record;
  }
}
