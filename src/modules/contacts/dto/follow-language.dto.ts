import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString } from 'class-validator';
import { MaxChars } from '../../../common/validation/code-points';
import { IsRequiredId } from '../../../common/validation/ids';

/** Phrases are short free text; the legacy column was 256 characters. */
export const FOLLOW_LANGUAGE_MAX_LENGTH = 256;

export class AddFollowLanguageDto {
  /** The phrase, 1..256 characters (surrounding whitespace is trimmed). */
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsNotEmpty()
  @IsString()
  @MaxChars(FOLLOW_LANGUAGE_MAX_LENGTH)
  @ApiProperty({ example: '您好,上次说的方案您考虑得怎么样了?' })
  custom_language: string;
}

export class FollowLanguageIdDto {
  /** The phrase's id (language_id). */
  @IsRequiredId()
  @ApiProperty({ example: 1 })
  id: number;
}
