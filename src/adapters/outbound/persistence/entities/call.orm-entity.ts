import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('calls')
export class CallOrmEntity {
  @PrimaryColumn({ type: 'varchar', length: 128 }) id!: string;
  @Column({ name: 'company_id', type: 'uuid', nullable: true }) companyId!: string | null;
  @Column({ name: 'branch_id', type: 'uuid', nullable: true }) branchId!: string | null;
  @Column({ name: 'from_number', type: 'varchar', length: 32, nullable: true }) fromNumber!:
    string | null;
  @Column({ name: 'to_number', type: 'varchar', length: 32, nullable: true }) toNumber!:
    string | null;
  @Column({ name: 'agent_id', type: 'varchar', length: 100, nullable: true }) agentId!:
    string | null;
  @Column({ name: 'agent_version', type: 'integer', nullable: true }) agentVersion!: number | null;
  @Column({ type: 'varchar', length: 20 }) status!: string;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt!: Date | null;
  @Column({ name: 'disconnection_reason', type: 'varchar', length: 64, nullable: true })
  disconnectionReason!: string | null;
  @Column({ type: 'jsonb', nullable: true }) analysis!: Record<string, unknown> | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
