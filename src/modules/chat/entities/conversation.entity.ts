import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One conversation per rep × customer pair (the pair must have a relation). Its row is the
 * per-conversation lock: every send and every read takes it FOR UPDATE, which keeps message
 * ids and `seq` in commit order inside the conversation (see the Chat migration).
 */
@Entity('conversation')
@Unique('conversation_pair_key', ['companyId', 'repId', 'customerId'])
export class ConversationEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'company_id', type: 'integer' })
  companyId: number;

  @Column({ name: 'rep_id', type: 'integer' })
  repId: number;

  @Column({ name: 'customer_id', type: 'integer' })
  customerId: number;

  /** Number of messages; also the `seq` of the newest one. */
  @Column({ name: 'message_count', type: 'integer', default: 0 })
  messageCount: number;

  @Column({ name: 'last_message_id', type: 'bigint', nullable: true })
  lastMessageId: number | null;

  @Column({ name: 'last_message_at', type: 'timestamptz', nullable: true })
  lastMessageAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
