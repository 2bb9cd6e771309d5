import { IsDefined, IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { RADAR_ACTION_CODES } from '../radar-actions';
import { OptionalInt, OptionalText } from './transforms';

/** Body of POST action/record/0: what the customer just did on the rep's pages (API.md §6.10). */
export class RecordActionDto {
  /** The rep (雷达用户) whose card, product or article the customer is looking at. */
  @IsDefined()
  @OptionalInt()
  @IsInt()
  @Min(1, { context: { code: 'invalid' } })
  u_id: number;

  /** Action code: 1 查看名片, 2 查看产品, 4 查看官网, 5 复制微信, 6 转发名片, 7 咨询产品, 8 保存电话, 9 觉得靠谱, 10 拨打电话, 12 复制邮箱, 14 查看文章, 15 转发文章到朋友, 16 转发文章到朋友圈. */
  @IsDefined()
  @OptionalInt()
  @IsInt()
  @IsIn(RADAR_ACTION_CODES as number[])
  action: number;

  /** The product viewed or inquired about (actions 2 and 7 name it in the remark). */
  @IsOptional()
  @OptionalText()
  @IsString()
  @MaxLength(100)
  product_name?: string;

  /** The article viewed or forwarded (actions 14–16). */
  @IsOptional()
  @OptionalInt()
  @IsInt()
  @Min(1, { context: { code: 'invalid' } })
  article_id?: number;

  /** The article's title (actions 14–16 name it in the remark). */
  @IsOptional()
  @OptionalText()
  @IsString()
  @MaxLength(200)
  title?: string;
}
