import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/pagination';
import { RADAR_ACTION_CODES } from '../radar-actions';
import { IsCalendarDate, MAX_ID, OptionalDate, OptionalInt } from './transforms';

export const NEW_LOG_ORDERS = ['-create_date', 'create_date'] as const;

/**
 * An optional action code of the catalogue (a filter). Listed bottom-up, so the validators
 * register in the order they had as stacked decorators (the first failing one is reported).
 */
const ActionCodeFilter = () =>
  applyDecorators(ApiPropertyOptional({ example: 1 }), IsInt(), IsIn(RADAR_ACTION_CODES as number[]), OptionalInt(), IsOptional());

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
  @ActionCodeFilter()
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
  @ActionCodeFilter()
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

/** Query of GET action/get_new_log: the rep's radar rows not seen yet (legacy, issue 12). */
export class RadarNewLogQueryDto {
  /** Only this action code. */
  @ActionCodeFilter()
  action?: number;

  /** `-create_date` (newest first, the default) or `create_date`. */
  @IsOptional()
  @IsIn(NEW_LOG_ORDERS)
  @ApiPropertyOptional({ enum: NEW_LOG_ORDERS, example: '-create_date' })
  order?: (typeof NEW_LOG_ORDERS)[number];
}
