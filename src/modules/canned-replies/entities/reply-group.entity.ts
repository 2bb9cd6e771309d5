import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A company's group of canned replies (CannedReplies migration). */
@Entity('reply_group')
// (company_id, created_at DESC, id DESC): defined in the CannedReplies migration.
@Index('reply_group_list_idx', { synchronize: false })
export class ReplyGroupEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'company_id', type: 'integer' })
  companyId: number;

  @Column({ type: 'text' })
  name: string;

  /** Who manages the group (the legacy admin user's name); '' when not known. */
  @Column({ name: 'owner_name', type: 'text', default: '' })
  ownerName: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
