import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsRequiredId, MAX_ID } from '../../../common/validation/ids';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsInt, IsNotEmpty, IsOptional, IsString, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/pagination';
import { MaxChars } from '../../../common/validation/code-points';

export const TAG_NAME_MAX_LENGTH = 32;
export const MAX_TAGS_PER_CUSTOMER = 100;
/** Customers tagged by one tag_customer/add call at most. */
export const MAX_CUSTOMERS_PER_TAGGING = 500;

/**
 * An id list (`tag_list`, `customer_list`) arrives as a JSON string in a form body (`"[2,3]"`),
 * as an array in a JSON body, or as repeated form fields; numeric strings inside become numbers.
 */
function parseIdList({ value }: { value: unknown }): unknown {
  let list = value;
  if (typeof list === 'string') {
    try {
      list = JSON.parse(list);
    } catch {
      return value;
    }
  }
  if (!Array.isArray(list)) return list;
  return list.map((v) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v));
}

export class UpdateTagsDto {
  /** JSON array of tag ids of the caller's company; replaces the customer's tags, `[]` clears them. */
  @Transform(parseIdList)
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(MAX_TAGS_PER_CUSTOMER)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_ID, { each: true })
  @ApiProperty({ example: [1, 3], type: [Number] })
  tag_list: number[];
}

/** A tag name: 1..32 characters, trimmed; an existing tag of the company with that name is reused. */
const TagName = () =>
  applyDecorators(
    ApiProperty({ example: '爱撸串' }),
    MaxChars(TAG_NAME_MAX_LENGTH),
    IsString(),
    IsNotEmpty(),
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
  );

export class AddTagDto {
  /** Tag name, 1..32 characters; an existing tag of the company with that name is reused. */
  @TagName()
  name: string;
}

/** Body of tag_customer/add/0: one tag for several of the rep's customers (legacy bulk tagging). */
export class TagCustomersDto {
  /** Tag name, 1..32 characters; an existing tag of the company with that name is reused. */
  @TagName()
  name: string;

  /** JSON array of customer ids, each related to the caller; `[]` answers 302 标签关联客户不能为空. */
  @Transform(parseIdList)
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(MAX_CUSTOMERS_PER_TAGGING)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_ID, { each: true })
  @ApiProperty({ example: [1, 2], type: [Number] })
  customer_list: number[];
}

export class TagListQueryDto extends PageQueryDto {
  /** The customer whose selected tags are marked with `is_select`. */
  @IsRequiredId()
  @ApiProperty({ example: 1 })
  customer_id: number;
}

/** Query of tag_customer: the legacy filters (both optional). */
export class TagCustomerQueryDto {
  /** Only this tag. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  @ApiPropertyOptional({ example: 1 })
  id?: number;

  /** Only tags whose name contains this text. */
  @IsOptional()
  @IsString()
  @MaxChars(TAG_NAME_MAX_LENGTH)
  @ApiPropertyOptional({ example: '客户' })
  name?: string;
}
