import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A WeChat Official Account follower: signs requests on the customer surface. */
@Entity('customer')
@Index('customer_company_idx', ['companyId', 'id'])
export class CustomerEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'company_id', type: 'integer' })
  companyId: number;

  /** The WeChat nickname. */
  @Column({ type: 'text', default: '' })
  username: string;

  @Column({ type: 'text', default: '' })
  headimgurl: string;

  /** The signing secret; null means the customer cannot sign in. Never logged. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  token: string | null;

  /** 1 男, 2 女, null unknown (as WeChat reports it). */
  @Column({ type: 'smallint', nullable: true })
  sex: number | null;

  @Column({ type: 'text', nullable: true })
  openid: string | null;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  /** When the customer first appeared (day_interval counts from here). */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
