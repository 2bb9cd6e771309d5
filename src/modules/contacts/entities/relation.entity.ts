import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A rep × customer relation: the customer reached this rep (card scan, forward, search, an
 * article). A conversation, the contact-list row and the rep's private notes about the
 * customer (memo fields) all hang off it. Unique per (rep, customer).
 */
@Entity('relation')
@Unique('relation_rep_customer_key', ['repId', 'customerId'])
@Index('relation_company_customer_idx', ['companyId', 'customerId'])
// The contact-list indexes use DESC/NULLS LAST columns TypeORM cannot describe: they live in
// the Contacts migration only, and synchronize:false keeps migration:generate from dropping them.
@Index('relation_list_expected_pr_desc_idx', { synchronize: false })
@Index('relation_list_expected_pr_asc_idx', { synchronize: false })
@Index('relation_list_last_follow_at_desc_idx', { synchronize: false })
@Index('relation_list_last_follow_at_asc_idx', { synchronize: false })
@Index('relation_list_last_activity_at_desc_idx', { synchronize: false })
@Index('relation_list_last_activity_at_asc_idx', { synchronize: false })
@Index('relation_list_created_at_desc_idx', { synchronize: false })
@Index('relation_list_created_at_asc_idx', { synchronize: false })
export class RelationEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'company_id', type: 'integer' })
  companyId: number;

  @Column({ name: 'rep_id', type: 'integer' })
  repId: number;

  @Column({ name: 'customer_id', type: 'integer' })
  customerId: number;

  /** 1 扫码, 2 转发, 3 搜索, 4 公众号文章. */
  @Column({ type: 'smallint', default: 1 })
  source: number;

  /** The customer who referred this one (上级人). */
  @Column({ name: 'superior_customer_id', type: 'integer', nullable: true })
  superiorCustomerId: number | null;

  @Column({ name: 'article_id', type: 'integer', nullable: true })
  articleId: number | null;

  /** Expected close date, `YYYY-MM-DD` (a date column, read back as a string). */
  @Column({ name: 'expected_time', type: 'date', nullable: true })
  expectedTime: string | null;

  /** Expected close probability 0..100 (wire name `expedted_pr`, sic). */
  @Column({ name: 'expected_pr', type: 'smallint', default: 0 })
  expectedPr: number;

  @Column({ name: 'last_follow_at', type: 'timestamptz', nullable: true })
  lastFollowAt: Date | null;

  @Column({ name: 'last_activity_at', type: 'timestamptz', nullable: true })
  lastActivityAt: Date | null;

  // The rep's private notes about this customer (update_information is per rep).
  @Column({ name: 'memo_name', type: 'text', nullable: true })
  memoName: string | null;

  @Column({ name: 'memo_sex', type: 'smallint', nullable: true })
  memoSex: number | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ name: 'company_name', type: 'text', nullable: true })
  companyName: string | null;

  @Column({ name: 'job_position', type: 'text', nullable: true })
  jobPosition: string | null;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ type: 'date', nullable: true })
  birthday: string | null;

  @Column({ type: 'text', nullable: true })
  mem: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
