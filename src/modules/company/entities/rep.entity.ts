import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A sales rep (雷达用户, a WeCom user): signs requests on the rep surface. */
@Entity('rep')
@Index('rep_company_idx', ['companyId', 'id'])
export class RepEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'company_id', type: 'integer' })
  companyId: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: '' })
  avatar: string;

  /** The signing secret; null means the rep cannot sign in. Never logged. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  token: string | null;

  @Column({ name: 'mingpian_phone', type: 'text', nullable: true })
  mingpianPhone: string | null;

  @Column({ type: 'text', nullable: true })
  wechat: string | null;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
