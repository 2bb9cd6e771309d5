import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ChatSide = 'rep' | 'customer';

/**
 * How far one side of a conversation has read the other side's messages. `unread_count` is
 * kept exact under the conversation lock (incremented by a send, decreased by a read).
 */
@Entity('chat_read_position')
@Index('chat_read_position_owner_idx', ['companyId', 'side', 'ownerId'])
export class ReadPositionEntity {
  @PrimaryColumn({ name: 'conversation_id', type: 'integer' })
  conversationId: number;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  side: ChatSide;

  @Column({ name: 'company_id', type: 'integer' })
  companyId: number;

  /** The reader: rep id (side 'rep') or customer id (side 'customer'). */
  @Column({ name: 'owner_id', type: 'integer' })
  ownerId: number;

  @Column({ name: 'read_up_to', type: 'bigint', default: 0 })
  readUpTo: number;

  @Column({ name: 'unread_count', type: 'integer', default: 0 })
  unreadCount: number;
}
