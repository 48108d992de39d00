import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BranchOrmEntity } from './branch.orm-entity';

@Entity('branch_phone_numbers')
export class BranchPhoneNumberOrmEntity {
  @PrimaryColumn({ name: 'phone_e164', type: 'varchar', length: 16 }) phoneE164!: string;
  @Column({ name: 'branch_id', type: 'uuid' }) branchId!: string;
  @ManyToOne(() => BranchOrmEntity, (b) => b.phoneNumbers, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'branch_id' })
  branch!: BranchOrmEntity;
}
