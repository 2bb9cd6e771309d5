import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../database/transaction-runner';
import { FollowUpService } from '../contacts/follow-up.service';
import { RelationService } from '../contacts/relation.service';
import type { RelationMemoPatch } from '../contacts/relation.service';
import type { UpdateInformationDto } from './dto/update-information.dto';
import { normalizeLegacyDate } from './legacy-date';

/** "" clears a field, absent keeps it (see docs/decisions/contacts.md). */
const cleared = (value: string | undefined): string | null | undefined => (value === undefined ? undefined : value === '' ? null : value);

/**
 * A rep's writes about one customer (API.md §6.4–6.6). Everything lands on the rep's own
 * relation, so another rep of the company never sees it; each runs in one transaction.
 */
@Injectable()
export class CustomerUpdateService {
  constructor(
    private readonly relations: RelationService,
    private readonly followUps: FollowUpService,
    private readonly tx: TransactionRunner,
  ) {}

  async updateInformation(companyId: number, repId: number, customerId: number, input: UpdateInformationDto): Promise<void> {
    const patch: RelationMemoPatch = {
      memoSex: input.sex,
      memoName: cleared(input.username ?? input.memo_name),
      phone: cleared(input.phone),
      email: cleared(input.email),
      companyName: cleared(input.company),
      jobPosition: cleared(input.position),
      address: cleared(input.address),
      birthday: input.birthday === undefined ? undefined : input.birthday === '' ? null : normalizeLegacyDate(input.birthday),
      mem: cleared(input.mem),
    };
    await this.tx.run(async ({ manager }) => {
      const relation = await this.relations.require({ companyId, repId, customerId }, manager);
      await this.relations.updateMemo(manager, relation.id, patch);
    });
  }

  /** Sets (empty or absent: clears) the expected close date and notes it as a follow-up. */
  async updateExpectedTime(companyId: number, repId: number, customerId: number, value: string | undefined): Promise<void> {
    // The DTO has validated a non-empty value, so it normalises to `YYYY-MM-DD`.
    const date = value ? normalizeLegacyDate(value) : null;
    await this.tx.run(async ({ manager }) => {
      const relation = await this.relations.require({ companyId, repId, customerId }, manager);
      await this.relations.setExpectedTime(manager, relation.id, date);
      await this.followUps.addInTx(manager, relation, date ? `更新预计成交日期: ${date}` : '清空预计成交日期');
    });
  }

  /** Sets the expected close probability (0..100) and notes it as a follow-up. */
  async updateExpectedPr(companyId: number, repId: number, customerId: number, pr: number): Promise<void> {
    await this.tx.run(async ({ manager }) => {
      const relation = await this.relations.require({ companyId, repId, customerId }, manager);
      await this.relations.setExpectedPr(manager, relation.id, pr);
      await this.followUps.addInTx(manager, relation, `更新预计成交率为: ${pr}`);
    });
  }
}
