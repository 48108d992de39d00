import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { BranchPhoneNumberOrmEntity } from './branch-phone-number.orm-entity';
import { ClosedDateOrmEntity } from './closed-date.orm-entity';
import { OpeningHourOrmEntity } from './opening-hour.orm-entity';

@Entity('branches')
export class BranchOrmEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId!: string;
  @Column({ type: 'varchar', length: 150 }) name!: string;
  @Column({ name: 'time_zone', type: 'varchar', length: 64 }) timeZone!: string;
  @Column({ type: 'char', length: 2 }) country!: string;
  @Column({ name: 'slot_granularity_minutes', type: 'smallint' }) slotGranularityMinutes!: number;
  @Column({ name: 'retell_agent_id', type: 'varchar', length: 100, nullable: true })
  retellAgentId!: string | null;
  /** Inactive: its numbers do not answer and nothing is booked there. */
  @Column({ type: 'boolean', default: true }) active!: boolean;
  /** Where callers' messages for the salon are sent; none: they are only kept. */
  @Column({ type: 'varchar', length: 254, nullable: true }) email!: string | null;
  /** E.164 number a call is handed to when the caller wants a person. */
  @Column({ name: 'transfer_number', type: 'varchar', length: 20, nullable: true })
  transferNumber!: string | null;
  /** A visit's services may go to different stylists when no one can do them all. */
  @Column({ name: 'split_visits', type: 'boolean', default: false }) splitVisits!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @OneToMany(() => OpeningHourOrmEntity, (h) => h.branch, { cascade: true })
  openingHours!: OpeningHourOrmEntity[];
  @OneToMany(() => ClosedDateOrmEntity, (d) => d.branch, { cascade: true })
  closedDates!: ClosedDateOrmEntity[];
  @OneToMany(() => BranchPhoneNumberOrmEntity, (p) => p.branch, { cascade: true })
  phoneNumbers!: BranchPhoneNumberOrmEntity[];
}
