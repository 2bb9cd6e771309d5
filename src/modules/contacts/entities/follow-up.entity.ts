import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A rep's follow-up note on one customer (one relation); other reps never see it. */
@Entity('follow_up')
@Index('follow_up_relation_idx', ['companyId', 'relationId', 'createdAt', 'id'])
export class FollowUpEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'company_id', type: 'integer' })
  companyId: number;

  @Column({ name: 'relation_id', type: 'integer' })
  relationId: number;

  /** 1..256 characters. */
  @Column({ type: 'text' })
  content: string;

  /** Set by the service from the Clock (not a DB default) so tests can pin time. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
