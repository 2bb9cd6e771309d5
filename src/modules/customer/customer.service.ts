import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Sql, statement } from '../../database/sql';
import type { Credentials } from '../company/company.service';
import { CustomerEntity } from './entities/customer.entity';

/** Public view of a customer for other modules (no token). */
export interface CustomerProfile {
  id: number;
  companyId: number;
  /** WeChat nickname ('' when unknown). */
  username: string;
  headimgurl: string;
  sex: number | null;
  createdAt: Date;
}

const PROFILE_COLUMNS = `id, company_id AS "companyId", username, headimgurl, sex, created_at AS "createdAt"`;
const CUSTOMER_CREDENTIALS = statement('customer_credentials', `SELECT id, company_id AS "companyId", token, disabled FROM customer WHERE id = $1`);
const CUSTOMER_PROFILE = statement('customer_profile', `SELECT ${PROFILE_COLUMNS} FROM customer WHERE id = $1 AND company_id = $2`);

function toProfile(c: CustomerEntity): CustomerProfile {
  return { id: c.id, companyId: c.companyId, username: c.username, headimgurl: c.headimgurl, sex: c.sex, createdAt: c.createdAt };
}

/** Customers (WeChat followers). Other modules read customers only through this service. */
@Injectable()
export class CustomerService {
  constructor(
    @InjectRepository(CustomerEntity) private readonly customers: Repository<CustomerEntity>,
    private readonly sql: Sql,
  ) {}

  /** For the signature guard only: includes the token. */
  async findCredentials(id: number): Promise<Credentials | null> {
    return (await this.sql.one<Credentials>(CUSTOMER_CREDENTIALS, [id])) ?? null;
  }

  /** Pass the manager when inside a transaction: the read then uses the transaction's connection. */
  async findCustomer(companyId: number, id: number, manager?: EntityManager): Promise<CustomerProfile | null> {
    if (manager) {
      const [row] = await manager.query(CUSTOMER_PROFILE.text, [id, companyId]);
      return row ?? null;
    }
    return (await this.sql.one<CustomerProfile>(CUSTOMER_PROFILE, [id, companyId])) ?? null;
  }

  async findCustomers(companyId: number, ids: number[]): Promise<Map<number, CustomerProfile>> {
    if (!ids.length) return new Map();
    const rows = await this.customers.find({ where: { companyId, id: In([...new Set(ids)]) } });
    return new Map(rows.map((c) => [c.id, toProfile(c)]));
  }
}
