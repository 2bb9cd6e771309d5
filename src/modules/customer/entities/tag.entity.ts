import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A customer tag; tags belong to the company (every rep of it sees the same list). */
@Entity('tag')
@Check('tag_name_check', 'char_length(name) BETWEEN 1 AND 32')
@Unique('tag_company_name_key', ['companyId', 'name'])
@Index('tag_company_idx', ['companyId', 'id'])
export class TagEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'company_id', type: 'integer' })
  companyId: number;

  /** 1..32 characters, unique per company. */
  @Column({ type: 'text' })
  name: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
