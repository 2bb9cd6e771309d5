import { Injectable } from '@nestjs/common';
import { Errors } from '../../common/errors/api-error';
import { Sql, Statement, statement } from '../../database/sql';
import { AiPrColumn, AiPrScorer } from '../action-log/radar-ports';
import { customerDisplayName } from '../contacts/customer-display-name';
import type { CustomerProfile } from './customer.service';

/** The rep's own fields of a relation that the profile shows. */
export interface RelationMemo {
  memoName: string | null;
  expectedTime: string | null;
  expectedPr: number;
  source: number;
  memoSex: number | null;
  phone: string | null;
  email: string | null;
  companyName: string | null;
  jobPosition: string | null;
  address: string | null;
  birthday: string | null;
  mem: string | null;
}

/** A customer as one rep sees them (API.md §6.3), before wire mapping. */
export interface CustomerView {
  customer: CustomerProfile;
  relation: RelationMemo;
  aiPr: number;
  /** Display name of the referrer as this rep sees them, or null. */
  superior: string | null;
  tags: string[];
}

type ProfileRow = RelationMemo & {
  username: string;
  headimgurl: string;
  sex: number | null;
  createdAt: Date;
  superiorId: number | null;
  superiorUsername: string | null;
  superiorMemo: string | null;
  tags: string[];
  aiPrInputs: unknown;
};

/**
 * The profile in one statement ($1 company, $2 rep, $3 customer): the relation (none: 307), the
 * customer, the referrer with this rep's memo name for them, the tag names in tag id order, and
 * `extra` (the ai_pr column, $4 on). It reads the relation table (Contacts) read-only by key.
 */
const profileView = (extra: string) =>
  statement(
    'customer_profile_view',
    `SELECT r.memo_name AS "memoName", r.expected_time AS "expectedTime", r.expected_pr AS "expectedPr", r.source,
       r.memo_sex AS "memoSex", r.phone, r.email, r.company_name AS "companyName", r.job_position AS "jobPosition",
       r.address, r.birthday, r.mem,
       cu.username, cu.headimgurl, cu.sex, cu.created_at AS "createdAt",
       sup.id AS "superiorId", sup.username AS "superiorUsername", sr.memo_name AS "superiorMemo",
       ARRAY(SELECT t.name FROM customer_tag ct JOIN tag t ON t.company_id = ct.company_id AND t.id = ct.tag_id
             WHERE ct.company_id = $1 AND ct.customer_id = $3 ORDER BY t.id) AS tags,
       ${extra}
FROM relation r
JOIN customer cu ON cu.id = r.customer_id AND cu.company_id = r.company_id
LEFT JOIN customer sup ON sup.id = r.superior_customer_id AND sup.company_id = r.company_id
LEFT JOIN relation sr ON sr.company_id = r.company_id AND sr.rep_id = r.rep_id AND sr.customer_id = r.superior_customer_id
WHERE r.company_id = $1 AND r.rep_id = $2 AND r.customer_id = $3`,
  );

@Injectable()
export class CustomerProfileService {
  /** Built on first use: the scorer finds the Chat module's part of its column lazily. */
  private query?: { statement: Statement; aiPr: AiPrColumn };

  constructor(
    private readonly sql: Sql,
    // Bound by ActionLogModule (global).
    private readonly aiPr: AiPrScorer,
  ) {}

  /** 307 without a relation between the rep and the customer. */
  async view(companyId: number, repId: number, customerId: number): Promise<CustomerView> {
    // One statement: the profile with the ai_pr inputs as a column the scorer writes and reads.
    const { statement, aiPr } = (this.query ??= this.buildQuery());
    const row = await this.sql.one<ProfileRow>(statement, [companyId, repId, customerId, ...aiPr.values()]);
    if (!row) throw Errors.noRelation();
    const { username, headimgurl, sex, createdAt, superiorId, superiorUsername, superiorMemo, tags, aiPrInputs, ...relation } = row;
    return {
      customer: { id: customerId, companyId, username, headimgurl, sex, createdAt },
      relation,
      tags,
      superior: superiorId === null ? null : customerDisplayName(superiorId, superiorUsername ?? '', superiorMemo),
      aiPr: aiPr.score(aiPrInputs),
    };
  }

  private buildQuery(): { statement: Statement; aiPr: AiPrColumn } {
    const aiPr = this.aiPr.oneCustomerColumn(4);
    return { statement: profileView(aiPr.sql), aiPr };
  }
}
