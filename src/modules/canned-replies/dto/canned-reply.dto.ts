import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { MaxChars } from '../../../common/validation/code-points';
import { IsOptionalId } from '../../../common/validation/ids';

/** The legacy `order` values (its default `-createDate`: newest first). */
export const REPLY_ORDERS = ['-createDate', 'createDate'] as const;
export type ReplyOrder = (typeof REPLY_ORDERS)[number];

export class ReplyGroupQueryDto extends PageQueryDto {
  /** One group by id. */
  @IsOptionalId()
  id?: number;

  /** Groups whose name contains this. */
  @IsOptional()
  @IsString()
  @MaxChars(64)
  @ApiPropertyOptional({ example: '开场' })
  groupName?: string;

  @IsOptional()
  @IsIn(REPLY_ORDERS)
  @ApiPropertyOptional({ enum: REPLY_ORDERS, example: '-createDate' })
  order?: ReplyOrder;
}

export class ReplyPhraseQueryDto {
  /** One reply by id. */
  @IsOptionalId()
  id?: number;

  /** Replies whose group's name contains this. */
  @IsOptional()
  @IsString()
  @MaxChars(64)
  @ApiPropertyOptional({ example: '开场' })
  talkGroupName?: string;

  @IsOptional()
  @IsIn(REPLY_ORDERS)
  @ApiPropertyOptional({ enum: REPLY_ORDERS, example: '-createDate' })
  order?: ReplyOrder;
}
