import { ApiProperty } from '@nestjs/swagger';
import { IsRequiredId } from '../../../common/validation/ids';

export class CustomerIdQueryDto {
  /** Customer id (the caller must have a relation with the customer). */
  @IsRequiredId()
  @ApiProperty({ example: 1 })
  customer_id: number;
}

export class CustomerPathDto {
  /** Customer id. */
  @IsRequiredId()
  @ApiProperty({ example: 1 })
  id: number;
}
