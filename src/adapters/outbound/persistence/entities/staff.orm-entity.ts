import {
  Column,
  CreateDateColumn,
  Entity,
  JoinTable,
  ManyToMany,
  OneToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ServiceOrmEntity } from './service.orm-entity';
import { StaffAbsenceOrmEntity } from './staff-absence.orm-entity';
import { StaffWorkingHourOrmEntity } from './staff-working-hour.orm-entity';

@Entity('staff')
export class StaffOrmEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId!: string;
  @Column({ name: 'branch_id', type: 'uuid' }) branchId!: string;
  @Column({ type: 'varchar', length: 150 }) name!: string;
  @Column({ type: 'varchar', length: 255, nullable: true }) email!: string | null;
  @Column({ type: 'boolean' }) active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @ManyToMany(() => ServiceOrmEntity)
  @JoinTable({
    name: 'staff_services',
    joinColumn: { name: 'staff_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'service_id', referencedColumnName: 'id' },
  })
  services!: ServiceOrmEntity[];
  @OneToMany(() => StaffWorkingHourOrmEntity, (h) => h.staff, { cascade: true })
  workingHours!: StaffWorkingHourOrmEntity[];
  @OneToMany(() => StaffAbsenceOrmEntity, (a) => a.staff, { cascade: true })
  absences!: StaffAbsenceOrmEntity[];
}
