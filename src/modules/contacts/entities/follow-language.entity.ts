import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A follow-up phrase: the rep's own, or company-wide when repId is null (FollowLanguage migration). */
@Entity('follow_language')
@Check('follow_language_language_check', 'char_length(language) BETWEEN 1 AND 256')
// (company_id, rep_id, created_at DESC, id DESC): defined in the FollowLanguage migration.
@Index('follow_language_list_idx', { synchronize: false })
export class FollowLanguageEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'company_id', type: 'integer' })
  companyId: number;

  @Column({ name: 'rep_id', type: 'integer', nullable: true })
  repId: number | null;

  @Column({ type: 'text' })
  language: string;

  /** The service sets it from the Clock (so time can be pinned); the DB default is a fallback. */
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
