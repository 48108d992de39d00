import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StaffOrmEntity } from './staff.orm-entity';

@Entity('staff_working_hours')
export class StaffWorkingHourOrmEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'staff_id', type: 'uuid' }) staffId!: string;
  @Column({ type: 'smallint' }) weekday!: number;
  @Column({ name: 'starts_at', type: 'time' }) startsAt!: string;
  @Column({ name: 'ends_at', type: 'time' }) endsAt!: string;
  @ManyToOne(() => StaffOrmEntity, (s) => s.workingHours, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_id' })
  staff!: StaffOrmEntity;
}
