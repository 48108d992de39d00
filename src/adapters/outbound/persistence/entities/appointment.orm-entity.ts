import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AppointmentPhaseOrmEntity } from './appointment-phase.orm-entity';

@Entity('appointments')
export class AppointmentOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId!: string;
  @Column({ name: 'branch_id', type: 'uuid' }) branchId!: string;
  @Column({ name: 'staff_id', type: 'uuid' }) staffId!: string;
  @Column({ name: 'service_id', type: 'uuid' }) serviceId!: string;
  @Column({ name: 'visit_service_ids', type: 'uuid', array: true, nullable: true })
  visitServiceIds!: string[] | null;
  @Column({ name: 'customer_id', type: 'uuid' }) customerId!: string;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt!: Date;
  @Column({ type: 'varchar', length: 16 }) status!: string;
  @Column({ type: 'varchar', length: 16 }) source!: string;
  @Column({ name: 'call_id', type: 'varchar', length: 128, nullable: true }) callId!: string | null;
  @Column({ name: 'idempotency_key', type: 'varchar', length: 200, nullable: true })
  idempotencyKey!: string | null;
  @Column({ name: 'sync_state', type: 'varchar', length: 16 }) syncState!: string;
  @Column({ name: 'sync_attempts', type: 'integer' }) syncAttempts!: number;
  @Column({ name: 'last_sync_error', type: 'varchar', length: 500, nullable: true })
  lastSyncError!: string | null;
  @Column({ type: 'integer' }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @OneToMany(() => AppointmentPhaseOrmEntity, (p) => p.appointment, { cascade: true })
  phases!: AppointmentPhaseOrmEntity[];
}
