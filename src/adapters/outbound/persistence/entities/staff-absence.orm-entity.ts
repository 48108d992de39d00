import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StaffOrmEntity } from './staff.orm-entity';

@Entity('staff_absences')
export class StaffAbsenceOrmEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'staff_id', type: 'uuid' }) staffId!: string;
  /** tstzrange literal, '[start,end)'. */
  @Column({ type: 'tstzrange' }) period!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) reason!: string | null;
  @ManyToOne(() => StaffOrmEntity, (s) => s.absences, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_id' })
  staff!: StaffOrmEntity;
}
