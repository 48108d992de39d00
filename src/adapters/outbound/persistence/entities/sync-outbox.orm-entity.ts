import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('sync_outbox')
export class SyncOutboxOrmEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId!: string;
  @Column({ name: 'appointment_id', type: 'uuid' }) appointmentId!: string;
  @Column({ type: 'varchar', length: 16 }) action!: 'create' | 'cancel' | 'reschedule';
  @Column({ name: 'appointment_version', type: 'integer' }) appointmentVersion!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'enqueued_at', type: 'timestamptz', nullable: true }) enqueuedAt!: Date | null;
}
