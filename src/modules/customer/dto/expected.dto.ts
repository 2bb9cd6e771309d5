import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, Max, Min, ValidateIf } from 'class-validator';
import { IsLegacyDate } from '../legacy-date';

export class UpdateExpectedTimeDto {
  /** Expected close date `YYYY-MM-DD` (`YYYY-M-D` accepted); empty or absent clears it. */
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @ValidateIf((_, v) => v !== undefined && v !== null && v !== '')
  @IsLegacyDate()
  @ApiPropertyOptional({ example: '2026-12-31' })
  expected_time?: string;
}

/** `80`, `"80"` and `"80%"` all mean 80; anything else is left for the validators to reject. */
function parsePercent({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string') return value;
  const m = /^\s*(\d{1,3})\s*%?\s*$/.exec(value);
  return m ? Number(m[1]) : value;
}

export class UpdateExpectedPrDto {
  /** Expected close probability 0..100 (sic `expedted_pr`); `80` and `80%` both mean 80. */
  @ApiProperty({
    oneOf: [
      { type: 'integer', minimum: 0, maximum: 100 },
      { type: 'string', pattern: '^\\d{1,3}%?$' },
    ],
    example: '80%',
  })
  @Transform(parsePercent)
  @IsNotEmpty()
  @IsInt()
  @Min(0)
  @Max(100)
  expedted_pr: number;
}
