import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BranchOrmEntity } from './branch.orm-entity';

@Entity('opening_hours')
export class OpeningHourOrmEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'branch_id', type: 'uuid' }) branchId!: string;
  @Column({ type: 'smallint' }) weekday!: number;
  /** Local wall time 'HH:MM:SS' in the branch's zone. */
  @Column({ name: 'opens_at', type: 'time' }) opensAt!: string;
  @Column({ name: 'closes_at', type: 'time' }) closesAt!: string;
  @ManyToOne(() => BranchOrmEntity, (b) => b.openingHours, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'branch_id' })
  branch!: BranchOrmEntity;
}
