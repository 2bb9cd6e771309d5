import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
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

function toProfile(rep: RepEntity): RepProfile {
  return { id: rep.id, companyId: rep.companyId, name: rep.name, avatar: rep.avatar, mingpianPhone: rep.mingpianPhone, wechat: rep.wechat };
}

/** Companies and their reps. Other modules read reps only through this service. */
@Injectable()
export class CompanyService {
  constructor(
    @InjectRepository(CompanyEntity) private readonly companies: Repository<CompanyEntity>,
    @InjectRepository(RepEntity) private readonly reps: Repository<RepEntity>,
  ) {}

  /** For the signature guard only: includes the token. */
  findRepCredentials(id: number): Promise<RepEntity | null> {
    return this.reps.findOne({ where: { id } });
  }

  async findRep(companyId: number, id: number): Promise<RepProfile | null> {
    const rep = await this.reps.findOne({ where: { id, companyId } });
    return rep ? toProfile(rep) : null;
  }

  async findReps(companyId: number, ids: number[]): Promise<Map<number, RepProfile>> {
    if (!ids.length) return new Map();
    const rows = await this.reps.find({ where: { companyId, id: In([...new Set(ids)]) } });
    return new Map(rows.map((rep) => [rep.id, toProfile(rep)]));
  }

  countCompanies(): Promise<number> {
    return this.companies.count();
  }
}
