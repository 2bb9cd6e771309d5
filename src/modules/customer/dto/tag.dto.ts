import { ApiProperty } from '@nestjs/swagger';
import { IsRequiredId, MAX_ID } from '../../../common/validation/ids';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/pagination';
import { MaxChars } from '../../../common/validation/code-points';

export const TAG_NAME_MAX_LENGTH = 32;
export const MAX_TAGS_PER_CUSTOMER = 100;

/**
 * `tag_list` arrives as a JSON string in a form body (`"[2,3]"`), as an array in a JSON
 * body, or as repeated form fields; numeric strings inside become numbers.
 */
function parseTagList({ value }: { value: unknown }): unknown {
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
  @Transform(parseTagList)
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(MAX_TAGS_PER_CUSTOMER)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_ID, { each: true })
  @ApiProperty({ example: [1, 3], type: [Number] })
  tag_list: number[];
}

export class AddTagDto {
  /** Tag name, 1..32 characters; an existing tag of the company with that name is reused. */
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsNotEmpty()
  @IsString()
  @MaxChars(TAG_NAME_MAX_LENGTH)
  @ApiProperty({ example: '爱撸串' })
  name: string;
}

export class TagListQueryDto extends PageQueryDto {
  /** The customer whose selected tags are marked with `is_select`. */
  @IsRequiredId()
  @ApiProperty({ example: 1 })
  customer_id: number;
}
