import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { ServiceSegmentOrmEntity } from './service-segment.orm-entity';
import { ServiceSynonymOrmEntity } from './service-synonym.orm-entity';

@Entity('services')
export class ServiceOrmEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId!: string;
  @Column({ type: 'varchar', length: 150 }) name!: string;
  @Column({ name: 'buffer_after_minutes', type: 'smallint' }) bufferAfterMinutes!: number;
  @Column({ name: 'min_notice_minutes', type: 'integer' }) minNoticeMinutes!: number;
  @Column({ name: 'booking_horizon_days', type: 'integer' }) bookingHorizonDays!: number;
  @Column({ type: 'boolean' }) active!: boolean;
  @Column({ name: 'during_processing', type: 'boolean', default: false })
  duringProcessing!: boolean;
  @Column({ type: 'varchar', length: 300, nullable: true }) description!: string | null;
  @Column({ name: 'price_min_cents', type: 'integer', nullable: true })
  priceMinCents!: number | null;
  @Column({ name: 'price_max_cents', type: 'integer', nullable: true })
  priceMaxCents!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @OneToMany(() => ServiceSegmentOrmEntity, (s) => s.service, { cascade: true })
  segments!: ServiceSegmentOrmEntity[];
  @OneToMany(() => ServiceSynonymOrmEntity, (s) => s.service, { cascade: true })
  synonyms!: ServiceSynonymOrmEntity[];
}
