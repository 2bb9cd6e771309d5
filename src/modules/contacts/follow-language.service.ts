import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Errors } from '../../common/errors/api-error';
import type { Page } from '../../common/pagination/pagination';
import { Clock } from '../../common/time/clock';
import { FollowLanguageEntity } from './entities/follow-language.entity';

/** A follow-up phrase as services return it. */
export interface FollowPhrase {
  id: number;
  /** The rep who owns it; null for a company-wide phrase. */
  repId: number | null;
  language: string;
}

/**
 * Follow-up phrases (follow_language, issue 12): each rep's own plus the company-wide ones
 * (the legacy served phrases without an owner to everyone, across companies; here per company).
 */
@Injectable()
export class FollowLanguageService {
  constructor(
    @InjectRepository(FollowLanguageEntity) private readonly phrases: Repository<FollowLanguageEntity>,
    private readonly clock: Clock,
  ) {}

  /** The rep's phrases and the company's, newest first (id as tie-breaker). */
  async list(companyId: number, repId: number, page: Page): Promise<FollowPhrase[]> {
    const rows = await this.phrases
      .createQueryBuilder('p')
      .where('p.company_id = :companyId AND (p.rep_id = :repId OR p.rep_id IS NULL)', { companyId, repId })
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .offset(page.offset)
      .limit(page.limit)
      .getMany();
    return rows.map((r) => ({ id: r.id, repId: r.repId, language: r.language }));
  }

  async add(companyId: number, repId: number, language: string): Promise<FollowPhrase> {
    const row = await this.phrases.save({ companyId, repId, language, createdAt: this.clock.now() });
    return { id: row.id, repId, language };
  }

  /** Deletes one of the rep's own phrases; anything else (company-wide, another's, unknown) → 302. */
  async delete(companyId: number, repId: number, id: number): Promise<void> {
    const result = await this.phrases.delete({ id, companyId, repId });
    if (!result.affected) throw Errors.phraseNotDeletable();
  }
}
