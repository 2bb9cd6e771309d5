import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One chat message. `content` holds only the keys of its info_type (see chat-content.ts). */
@Entity('chat_message')
@Unique('chat_message_seq_key', ['companyId', 'conversationId', 'seq'])
@Unique('chat_message_client_key', ['conversationId', 'sendType', 'clientMsgId'])
@Index('chat_message_side_idx', ['companyId', 'conversationId', 'sendType', 'id'])
export class ChatMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: number;

  @Column({ name: 'company_id', type: 'integer' })
  companyId: number;

  @Column({ name: 'conversation_id', type: 'integer' })
  conversationId: number;

  /** 1-based position in the conversation (gapless: allocated under the conversation lock). */
  @Column({ type: 'integer' })
  seq: number;

  /** 1 rep → customer, 2 customer → rep. */
  @Column({ name: 'send_type', type: 'smallint' })
  sendType: number;

  @Column({ name: 'info_type', type: 'smallint' })
  infoType: number;

  @Column({ type: 'jsonb' })
  content: Record<string, string>;

  @Column({ name: 'client_msg_id', type: 'varchar', length: 64, nullable: true })
  clientMsgId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
