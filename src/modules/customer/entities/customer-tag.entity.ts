import { CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A tag carried by a customer (within the customer's company). */
@Entity('customer_tag')
@Index('customer_tag_tag_idx', ['companyId', 'tagId'])
export class CustomerTagEntity {
  @PrimaryColumn({ name: 'company_id', type: 'integer' })
  companyId: number;

  @PrimaryColumn({ name: 'customer_id', type: 'integer' })
  customerId: number;

  @PrimaryColumn({ name: 'tag_id', type: 'integer' })
  tagId: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
