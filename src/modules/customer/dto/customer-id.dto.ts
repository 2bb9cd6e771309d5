import { IsRequiredId } from '../../../common/validation/ids';

export class CustomerIdQueryDto {
  /** Customer id (the caller must have a relation with the customer). */
  @IsRequiredId()
  customer_id: number;
}

export class CustomerPathDto {
  /** Customer id. */
  @IsRequiredId()
  id: number;
}
