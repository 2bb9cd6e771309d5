import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A rep's follow-up note on one customer (one relation); other reps never see it. */
@Entity('follow_up')
@Check('follow_up_content_check', 'char_length(content) BETWEEN 1 AND 256')
// (company_id, relation_id, created_at DESC, id DESC): defined in the Contacts migration.
@Index('follow_up_relation_idx', { synchronize: false })
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

  /** The service sets it from the Clock (so time can be pinned); the DB default is a fallback. */
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
