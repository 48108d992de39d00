import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AppointmentOrmEntity } from './appointment.orm-entity';

@Entity('appointment_phases')
export class AppointmentPhaseOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'appointment_id', type: 'uuid' }) appointmentId!: string;
  @Column({ type: 'smallint' }) sequence!: number;
  @Column({ type: 'varchar', length: 16 }) kind!: string;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt!: Date;
  @Column({ name: 'staff_busy', type: 'boolean' }) staffBusy!: boolean;
  @Column({ name: 'calcom_booking_id', type: 'bigint', nullable: true }) calcomBookingId!:
    string | null;
  @Column({ name: 'calcom_booking_uid', type: 'varchar', length: 100, nullable: true })
  calcomBookingUid!: string | null;
  @Column({ name: 'sync_state', type: 'varchar', length: 16 }) syncState!: string;
  @Column({ name: 'service_id', type: 'uuid', nullable: true }) serviceId!: string | null;
  @Column({ name: 'service_sequence', type: 'smallint', nullable: true })
  serviceSequence!: number | null;
  /** The stylist of this step in a shared visit; null: the appointment's. */
  @Column({ name: 'staff_id', type: 'uuid', nullable: true }) staffId!: string | null;
  @ManyToOne(() => AppointmentOrmEntity, (a) => a.phases, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'appointment_id' })
  appointment!: AppointmentOrmEntity;
}
