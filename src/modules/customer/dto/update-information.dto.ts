import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { Allow, IsDefined, IsEmail, IsIn, IsInt, IsString, Matches, ValidateIf } from 'class-validator';
import { IsLegacyDate } from '../legacy-date';
import { MaxChars } from '../../../common/validation/code-points';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Validate only when a value was sent; `""` clears the field, absent leaves it unchanged. */
const present = (_: object, value: unknown) => value !== undefined && value !== null && value !== '';

/** Mainland China mobile numbers: 11 digits starting 13–19. */
export const CHINESE_MOBILE = /^1[3-9]\d{9}$/;

/**
 * What a rep writes about a customer (API.md §6.4). Stored per rep: other reps do not see
 * it. A field left out keeps its value; an empty string clears it.
 */
export class UpdateInformationDto {
  /** 1 男, 2 女 (required, as in the brief). */
  @ApiProperty({ type: 'integer', enum: [1, 2] })
  @IsDefined()
  @Type(() => Number)
  @IsInt()
  @IsIn([1, 2])
  @ApiProperty({ example: 1 })
  sex: number;

  /** The rep's memo name for the customer (shown instead of the WeChat nickname). */
  @Transform(trim)
  @ValidateIf(present)
  @IsString()
  @MaxChars(64)
  @ApiPropertyOptional({ example: '张炬' })
  username?: string;

  /** Alias of `username`, used only when `username` is absent (the brief's example sends both). */
  @Transform(trim)
  @ValidateIf(present)
  @IsString()
  @MaxChars(64)
  @ApiPropertyOptional({ example: '张炬' })
  memo_name?: string;

  /** Chinese mobile number, 11 digits (a JSON number is accepted too). */
  @Transform(({ value }) => (typeof value === 'number' ? String(value) : trim({ value })))
  @ValidateIf(present)
  @IsString()
  @Matches(CHINESE_MOBILE, { message: '请输入有效的手机号码。' })
  @ApiPropertyOptional({ example: '18932674288' })
  phone?: string;

  @Transform(trim)
  @ValidateIf(present)
  @IsString()
  @MaxChars(128)
  @IsEmail({}, { message: '请输入有效的电子邮件地址。' })
  @ApiPropertyOptional({ example: 'zhangju@example.com' })
  email?: string;

  /** The customer's employer. */
  @Transform(trim)
  @ValidateIf(present)
  @IsString()
  @MaxChars(128)
  @ApiPropertyOptional({ example: '合众康桥' })
  company?: string;

  @Transform(trim)
  @ValidateIf(present)
  @IsString()
  @MaxChars(64)
  @ApiPropertyOptional({ example: '采购经理' })
  position?: string;

  @Transform(trim)
  @ValidateIf(present)
  @IsString()
  @MaxChars(256)
  @ApiPropertyOptional({ example: '北京市朝阳区' })
  address?: string;

  /** `YYYY-M-D` or `YYYY-MM-DD`. */
  @Transform(trim)
  @ValidateIf(present)
  @IsString()
  @IsLegacyDate()
  @ApiPropertyOptional({ example: '1990-6-1' })
  birthday?: string;

  /** Free-text remarks. */
  @ValidateIf(present)
  @IsString()
  @MaxChars(1024)
  @ApiPropertyOptional({ example: '关注售后服务' })
  mem?: string;

  /** Accepted and ignored (the referrer is set when the customer arrives). */
  @Allow()
  @ApiPropertyOptional({ type: 'string', example: '' })
  superior?: unknown;

  /** Accepted and ignored (customers have no password). */
  @Allow()
  @ApiPropertyOptional({ type: 'string', example: '' })
  password?: unknown;
}
