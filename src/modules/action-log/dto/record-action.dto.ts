import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { RADAR_ACTION_CODES } from '../radar-actions';
import { MAX_ID, OptionalInt, OptionalText } from './transforms';
import { MaxChars } from '../../../common/validation/code-points';

// Decorator order: class-validator reports the bottom-most failing rule, so the type check
// sits at the bottom (a list or an object is `invalid`, not `out_of_range`).

/** Body of POST action/record/0: what the customer just did on the rep's pages (API.md §6.10). */
export class RecordActionDto {
  /** The rep (雷达用户) whose card, product or article the customer is looking at. */
  @IsDefined()
  @OptionalInt()
  @Max(MAX_ID)
  @Min(1, { context: { code: 'invalid' } })
  @IsInt()
  @ApiProperty({ example: 1 })
  u_id: number;

  /** Action code: 1 查看名片, 2 查看产品, 4 查看官网, 5 复制微信, 6 转发名片, 7 咨询产品, 8 保存电话, 9 觉得靠谱, 10 拨打电话, 12 复制邮箱, 14 查看文章, 15 转发文章到朋友, 16 转发文章到朋友圈. */
  @IsDefined()
  @OptionalInt()
  @IsIn(RADAR_ACTION_CODES as number[])
  @IsInt()
  @ApiProperty({ example: 1 })
  action: number;

  /** The product viewed or inquired about (actions 2 and 7 name it in the remark). */
  @IsOptional()
  @OptionalText()
  @MaxChars(100)
  @IsString()
  @ApiPropertyOptional({ example: '智能手环' })
  product_name?: string;

  /** The article viewed or forwarded (actions 14–16). */
  @IsOptional()
  @OptionalInt()
  @Max(MAX_ID)
  @Min(1, { context: { code: 'invalid' } })
  @IsInt()
  @ApiPropertyOptional({ example: 1 })
  article_id?: number;

  /** The article's title (actions 14–16 name it in the remark). */
  @IsOptional()
  @OptionalText()
  @MaxChars(200)
  @IsString()
  @ApiPropertyOptional({ example: '如何挑选一款靠谱的产品' })
  title?: string;
}
