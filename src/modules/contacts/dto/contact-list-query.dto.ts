import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/pagination';
import { CUSTOMER_SOURCES } from '../customer-source';

/** Wire name of each contact-list ordering (without the `-` for descending). */
export const CONTACT_ORDER_FIELDS = ['expedted_pr', 'last_follow_time', 'last_activity_time', 'create_date'] as const;
export const CONTACT_ORDERS = CONTACT_ORDER_FIELDS.flatMap((f) => [`-${f}`, f]);
export const DEFAULT_CONTACT_ORDER = '-expedted_pr';

/** Legacy pages send `order=` / `customer__source=` when nothing is chosen: empty means "not given". */
// Reads the raw value: @Type(() => Number) has already turned '' into 0 by the time this runs.
const emptyAsAbsent = ({ value, obj, key }: { value: unknown; obj: Record<string, unknown>; key: string }) => (obj[key] === '' ? undefined : value);

export class ContactListQueryDto extends PageQueryDto {
  /**
   * Sort order: `-expedted_pr` (default), `-last_follow_time`, `-last_activity_time`,
   * `-create_date`, or the same without `-` for ascending. NULLs sort last; ties by id.
   */
  @ApiPropertyOptional({ enum: CONTACT_ORDERS, default: DEFAULT_CONTACT_ORDER })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsIn(CONTACT_ORDERS, { message: '不支持的排序方式。' })
  @ApiPropertyOptional({ example: '-expedted_pr' })
  order?: string;

  /** Only customers from this source: 1 扫码, 2 转发, 3 搜索, 4 公众号文章. */
  @ApiPropertyOptional({ type: 'integer', enum: CUSTOMER_SOURCES })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @IsIn(CUSTOMER_SOURCES)
  customer__source?: number;
}
