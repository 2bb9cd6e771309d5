import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/pagination';
import { RADAR_ACTION_CODES } from '../radar-actions';
import { IsCalendarDate, MAX_ID, OptionalDate, OptionalInt } from './transforms';

/** Query of GET action/time: the rep's radar timeline (API.md §6.9). */
export class RadarTimelineQueryDto extends PageQueryDto {
  /** Only this customer's actions. */
  @IsOptional()
  @OptionalInt()
  @Max(MAX_ID)
  @Min(1, { context: { code: 'invalid' } })
  @IsInt()
  @ApiPropertyOptional({ example: 1 })
  customer_id?: number;

  /** Only this action code (see docs/radar-actions.md). */
  @IsOptional()
  @OptionalInt()
  @IsIn(RADAR_ACTION_CODES as number[])
  @IsInt()
  @ApiPropertyOptional({ example: 1 })
  action?: number;

  /** From this calendar day (inclusive, business time zone), `YYYY-MM-DD`. */
  @IsOptional()
  @OptionalDate()
  @IsCalendarDate()
  @ApiPropertyOptional({ example: '2026-11-01' })
  create_date__gte?: string;

  /** Before this calendar day (exclusive, business time zone), `YYYY-MM-DD`. */
  @IsOptional()
  @OptionalDate()
  @IsCalendarDate()
  @ApiPropertyOptional({ example: '2026-12-01' })
  create_date__lt?: string;
}

/** Query of GET action/count: counts per action code over a date range (default the last 7 days). */
export class RadarCountQueryDto {
  /** Only this customer's actions. */
  @IsOptional()
  @OptionalInt()
  @Max(MAX_ID)
  @Min(1, { context: { code: 'invalid' } })
  @IsInt()
  @ApiPropertyOptional({ example: 1 })
  customer_id?: number;

  /** From this calendar day (inclusive); default 7 days before `create_date__lt`. */
  @IsOptional()
  @OptionalDate()
  @IsCalendarDate()
  @ApiPropertyOptional({ example: '2026-11-01' })
  create_date__gte?: string;

  /** Before this calendar day (exclusive); default tomorrow (so today is included). */
  @IsOptional()
  @OptionalDate()
  @IsCalendarDate()
  @ApiPropertyOptional({ example: '2026-12-01' })
  create_date__lt?: string;
}

/** Query of GET action/customer: customers ranked by how many actions they did. */
export class RadarCustomerQueryDto extends PageQueryDto {
  /** Count only this action code. */
  @IsOptional()
  @OptionalInt()
  @IsIn(RADAR_ACTION_CODES as number[])
  @IsInt()
  @ApiPropertyOptional({ example: 1 })
  action?: number;

  /** From this calendar day (inclusive); default: no lower bound. */
  @IsOptional()
  @OptionalDate()
  @IsCalendarDate()
  @ApiPropertyOptional({ example: '2026-11-01' })
  create_date__gte?: string;

  /** Before this calendar day (exclusive); default: no upper bound. */
  @IsOptional()
  @OptionalDate()
  @IsCalendarDate()
  @ApiPropertyOptional({ example: '2026-12-01' })
  create_date__lt?: string;
}
