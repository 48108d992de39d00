import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('audit_log')
export class AuditLogOrmEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column({ name: 'company_id', type: 'uuid', nullable: true }) companyId!: string | null;
  @Column({ type: 'varchar', length: 100 }) actor!: string;
  @Column({ type: 'varchar', length: 64 }) action!: string;
  @Column({ type: 'varchar', length: 64 }) entity!: string;
  @Column({ name: 'entity_id', type: 'varchar', length: 128, nullable: true }) entityId!:
    string | null;
  @Column({ type: 'jsonb' }) details!: Record<string, unknown>;
  @Column({ type: 'timestamptz' }) at!: Date;
}
