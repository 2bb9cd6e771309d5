import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
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

function toProfile(c: CustomerEntity): CustomerProfile {
  return { id: c.id, companyId: c.companyId, username: c.username, headimgurl: c.headimgurl, sex: c.sex, createdAt: c.createdAt };
}

/** Customers (WeChat followers). Other modules read customers only through this service. */
@Injectable()
export class CustomerService {
  constructor(@InjectRepository(CustomerEntity) private readonly customers: Repository<CustomerEntity>) {}

  /** For the signature guard only: includes the token. */
  findCredentials(id: number): Promise<CustomerEntity | null> {
    return this.customers.findOne({ where: { id } });
  }

  /** Pass the manager when inside a transaction: the read then uses the transaction's connection. */
  async findCustomer(companyId: number, id: number, manager?: EntityManager): Promise<CustomerProfile | null> {
    const repo = manager ? manager.getRepository(CustomerEntity) : this.customers;
    const row = await repo.findOne({ where: { id, companyId } });
    return row ? toProfile(row) : null;
  }

  async findCustomers(companyId: number, ids: number[]): Promise<Map<number, CustomerProfile>> {
    if (!ids.length) return new Map();
    const rows = await this.customers.find({ where: { companyId, id: In([...new Set(ids)]) } });
    return new Map(rows.map((c) => [c.id, toProfile(c)]));
  }
}
