import { Type } from 'class-transformer';
import { IsDefined, IsInt, Min } from 'class-validator';

export class CustomerIdQueryDto {
  /** Customer id (the caller must have a relation with the customer). */
  @IsDefined()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  customer_id: number;
}

export class CustomerPathDto {
  /** Customer id. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  id: number;
}
