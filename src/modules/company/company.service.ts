import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Sql, statement } from '../../database/sql';
import { CompanyEntity } from './entities/company.entity';
import { RepEntity } from './entities/rep.entity';

/** Public view of a rep for other modules (no token). */
export interface RepProfile {
  id: number;
  companyId: number;
  name: string;
  avatar: string;
  mingpianPhone: string | null;
  wechat: string | null;
}

/** A principal's credentials, for the signature guard only. */
export interface Credentials {
  id: number;
  companyId: number;
  token: string | null;
  disabled: boolean;
}

const REP_CREDENTIALS = statement('rep_credentials', `SELECT id, company_id AS "companyId", token, disabled FROM rep WHERE id = $1`);
/** Companies and their reps. Other modules read reps only through this service. */
@Injectable()
export class CompanyService {
  constructor(
    @InjectRepository(CompanyEntity) private readonly companies: Repository<CompanyEntity>,
    @InjectRepository(RepEntity) private readonly reps: Repository<RepEntity>,
    private readonly sql: Sql,
  ) {}

  /** For the signature guard only: includes the token. */
  async findRepCredentials(id: number): Promise<Credentials | null> {
    return (await this.sql.one<Credentials>(REP_CREDENTIALS, [id])) ?? null;
  }

  /** A rep of the company as others see them (no token), or null. */
  async findRep(companyId: number, id: number): Promise<RepProfile | null> {
    const rep = await this.reps.findOne({ where: { companyId, id }, select: { id: true, companyId: true, name: true, avatar: true, mingpianPhone: true, wechat: true } });
    return rep ? { id: rep.id, companyId: rep.companyId, name: rep.name, avatar: rep.avatar, mingpianPhone: rep.mingpianPhone, wechat: rep.wechat } : null;
  }

  countCompanies(): Promise<number> {
    return this.companies.count();
  }
}
