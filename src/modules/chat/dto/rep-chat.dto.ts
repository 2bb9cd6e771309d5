import { ApiHideProperty, ApiProperty, IntersectionType } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/pagination';
import { IsOptionalShownMessageId, IsRequiredId } from '../../../common/validation/ids';
import { ChatContentProperty, ClientMsgIdProperty } from './chat-content.property';

/** Body of 5.1 send_msg (rep → customer); the sender is always the signed-in rep. */
export class RepSendMsgDto {
  /** The customer the message goes to. */
  @IsRequiredId()
  @ApiProperty({ example: 1 })
  customer_id: number;

  @ChatContentProperty()
  content: unknown;

  /** Idempotency key: resending the same key in this conversation stores nothing new. */
  @ClientMsgIdProperty()
  client_msg_id?: string;

  /** Accepted and ignored: the server sets send_type 1 from the surface. */
  @ApiHideProperty()
  @Allow()
  send_type?: unknown;

  /** Accepted and ignored (the legacy trusted it): the rep is the signed-in caller. */
  @ApiHideProperty()
  @Allow()
  u_id?: unknown;
}

export class RepChatQueryDto {
  /** The customer id. */
  @IsRequiredId()
  @ApiProperty({ example: 1 })
  customer_id: number;
}

/** History query: the other party plus `current_page` / `length` (default 20). */
export class RepHistoryQueryDto extends IntersectionType(RepChatQueryDto, PageQueryDto) {}

/** getmsg: the other party, and optionally the newest message id the client has shown (resumable polling). */
export class RepGetmsgQueryDto extends RepChatQueryDto {
  @IsOptionalShownMessageId(
    'Resumable polling (new): the newest id of the other side\'s messages this client has shown. With it, the answer is every message of the other side ' +
      'after that id (read or not), oldest first, at most 100, and the read position moves to the newest returned: a client whose ' +
      'previous answer was lost gets those messages again. Without it, the legacy behaviour: the messages not fetched yet.',
  )
  last_id?: number;
}
