import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One interval that occupies a stylist; the exclusion constraint lives on this table. */
@Entity('busy_blocks')
export class BusyBlockOrmEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId!: string;
  @Column({ name: 'staff_id', type: 'uuid' }) staffId!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: 'appointment' | 'hold' | 'calendar';
  @Column({ type: 'tstzrange' }) during!: string;
  @Column({ type: 'boolean' }) active!: boolean;
  @Column({ name: 'appointment_id', type: 'uuid', nullable: true }) appointmentId!: string | null;
  @Column({ name: 'phase_id', type: 'uuid', nullable: true }) phaseId!: string | null;
  @Column({ name: 'hold_id', type: 'uuid', nullable: true }) holdId!: string | null;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt!: Date | null;
  @Column({ name: 'external_uid', type: 'varchar', length: 100, nullable: true })
  externalUid!: string | null;
}
