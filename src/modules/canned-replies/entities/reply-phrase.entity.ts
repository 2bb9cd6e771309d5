import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A canned reply of a company, in a group or none (CannedReplies migration). */
@Entity('reply_phrase')
// (company_id, created_at DESC, id DESC): defined in the CannedReplies migration.
@Index('reply_phrase_list_idx', { synchronize: false })
export class ReplyPhraseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'company_id', type: 'integer' })
  companyId: number;

  @Column({ name: 'group_id', type: 'integer', nullable: true })
  groupId: number | null;

  @Column({ type: 'text' })
  content: string;

  /** The legacy `sendNum`: kept and shown, never counted up (the legacy never did). */
  @Column({ name: 'send_count', type: 'integer', default: 0 })
  sendCount: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
