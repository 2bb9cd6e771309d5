import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { MaxChars } from '../../../common/validation/code-points';
import { IsOptionalId } from '../../../common/validation/ids';

/** The legacy `order` values (its default `-createDate`: newest first). */
export const REPLY_ORDERS = ['-createDate', 'createDate'] as const;
export type ReplyOrder = (typeof REPLY_ORDERS)[number];

/** What both canned-reply lists take: one row by id, and the order. */
class ReplyFilterQueryDto {
  /** One group (talkGroupManageShow) or one reply (speechDetailsManageShow) by id. */
  @IsOptionalId()
  id?: number;

  @IsOptional()
  @IsIn(REPLY_ORDERS)
  @ApiPropertyOptional({ enum: REPLY_ORDERS, example: '-createDate' })
  order?: ReplyOrder;
}

export class ReplyGroupQueryDto extends IntersectionType(ReplyFilterQueryDto, PageQueryDto) {
  /** Groups whose name contains this. */
  @IsOptional()
  @IsString()
  @MaxChars(64)
  @ApiPropertyOptional({ example: '开场' })
  groupName?: string;
}

export class ReplyPhraseQueryDto extends ReplyFilterQueryDto {
  /** Replies whose group's name contains this. */
  @IsOptional()
  @IsString()
  @MaxChars(64)
  @ApiPropertyOptional({ example: '开场' })
  talkGroupName?: string;
}
