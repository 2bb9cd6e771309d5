import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One radar row: something a customer did that the rep should know about (viewed the card,
 * inquired about a product...). `remark` is the standard remark with its target, stored at
 * write time; the customer's display name is prepended when read (memo names can change).
 */
// Index shapes (DESC, INCLUDE) are defined by the migration; these name them for readers.
@Entity('radar_action')
@Index('radar_action_rep_time_idx', ['companyId', 'repId', 'createdAt', 'id'])
@Index('radar_action_rep_customer_time_idx', ['companyId', 'repId', 'customerId', 'createdAt', 'id'])
export class RadarActionEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'company_id', type: 'integer' })
  companyId: number;

  @Column({ name: 'rep_id', type: 'integer' })
  repId: number;

  @Column({ name: 'customer_id', type: 'integer' })
  customerId: number;

  /** Code from the catalogue (radar-actions.ts). */
  @Column({ type: 'smallint' })
  action: number;

  @Column({ name: 'product_name', type: 'text', nullable: true })
  productName: string | null;

  @Column({ name: 'article_id', type: 'integer', nullable: true })
  articleId: number | null;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'text' })
  remark: string;

  /** The rep has been shown this row (action/time marks what it returns). */
  @Column({ type: 'boolean', default: false })
  seen: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
