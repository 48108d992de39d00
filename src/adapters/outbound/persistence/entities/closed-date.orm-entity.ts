import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BranchOrmEntity } from './branch.orm-entity';

@Entity('closed_dates')
export class ClosedDateOrmEntity {
  @PrimaryColumn({ name: 'branch_id', type: 'uuid' }) branchId!: string;
  /** Local calendar date 'yyyy-MM-dd'. */
  @PrimaryColumn({ name: 'local_date', type: 'date' }) localDate!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) reason!: string | null;
  @ManyToOne(() => BranchOrmEntity, (b) => b.closedDates, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'branch_id' })
  branch!: BranchOrmEntity;
}
