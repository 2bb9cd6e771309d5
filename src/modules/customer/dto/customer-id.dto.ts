import { MAX_ID } from '../../../common/validation/ids';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, Max, Min } from 'class-validator';

export class CustomerIdQueryDto {
  /** Customer id (the caller must have a relation with the customer). */
  @IsDefined()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  customer_id: number;
}

export class CustomerPathDto {
  /** Customer id. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  id: number;
}
