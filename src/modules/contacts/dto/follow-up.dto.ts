import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString } from 'class-validator';
import { IsRequiredId } from '../../../common/validation/ids';
import { PageQueryDto } from '../../../common/pagination/pagination';
import { MaxChars } from '../../../common/validation/code-points';

/** Follow-up notes are short free text; the legacy column was 256 characters. */
export const FOLLOW_INFO_MAX_LENGTH = 256;

export class FollowInfoQueryDto extends PageQueryDto {
  /** The customer whose notes to list (the caller's own notes only). */
  @IsRequiredId()
  @ApiProperty({ example: 1 })
  customer_id: number;
}

export class CustomerIdParamDto {
  /** Customer id. */
  @IsRequiredId()
  @ApiProperty({ example: 1 })
  customer_id: number;
}

export class AddFollowInfoDto {
  /** The note, 1..256 characters (surrounding whitespace is trimmed). */
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsNotEmpty()
  @IsString()
  @MaxChars(FOLLOW_INFO_MAX_LENGTH)
  @ApiProperty({ example: '电话沟通了报价,下周再联系' })
  follow_info: string;
}
