import { ApiHideProperty, ApiProperty, IntersectionType } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/pagination';
import { IsOptionalShownMessageId, IsRequiredId } from '../../../common/validation/ids';
import { ChatContentProperty, ClientMsgIdProperty } from './chat-content.property';

/** Body of 4.1 send_msg (customer → rep). */
export class CustomerSendMsgDto {
  /** The rep (雷达用户) the message goes to. */
  @IsRequiredId()
  @ApiProperty({ example: 1 })
  u_id: number;

  @ChatContentProperty()
  content: unknown;

  /** Idempotency key: resending the same key in this conversation stores nothing new. */
  @ClientMsgIdProperty()
  client_msg_id?: string;

  /** Accepted and ignored: the server sets send_type 2 from the surface. */
  @ApiHideProperty()
  @Allow()
  send_type?: unknown;

  /** Accepted and ignored: the customer is the signed-in caller. */
  @ApiHideProperty()
  @Allow()
  customer_id?: unknown;
}

/** `u_id`: the rep whose conversation with the calling customer is meant. */
export class CustomerChatQueryDto {
  /** The rep (雷达用户) id. */
  @IsRequiredId()
  @ApiProperty({ example: 1 })
  u_id: number;
}

/** History query: the other party plus `current_page` / `length` (default 20). */
export class CustomerHistoryQueryDto extends IntersectionType(CustomerChatQueryDto, PageQueryDto) {}

/** getmsg: the other party, and optionally the newest message id the client has shown (resumable polling). */
export class CustomerGetmsgQueryDto extends CustomerChatQueryDto {
  @IsOptionalShownMessageId(
    'Resumable polling (new): the newest id of the other side\'s messages this client has shown. With it, the answer is every message of the other side ' +
      'after that id (read or not), oldest first, at most 100, and the read position moves to the newest returned: a client whose ' +
      'previous answer was lost gets those messages again. Without it, the legacy behaviour: the messages not fetched yet.',
  )
  last_id?: number;
}
