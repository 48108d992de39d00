import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('holds')
export class HoldOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId!: string;
  @Column({ name: 'call_id', type: 'varchar', length: 128 }) callId!: string;
  @Column({ name: 'staff_id', type: 'uuid' }) staffId!: string;
  @Column({ name: 'service_id', type: 'uuid' }) serviceId!: string;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  /** A shared visit's stylists, [{ serviceId, staffId }] in the visit's order; null: one. */
  @Column({ type: 'jsonb', nullable: true }) assignment!: unknown;
  @Column({ name: 'released_at', type: 'timestamptz', nullable: true }) releasedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
