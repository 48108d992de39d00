import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ServiceOrmEntity } from './service.orm-entity';

@Entity('service_segments')
export class ServiceSegmentOrmEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'service_id', type: 'uuid' }) serviceId!: string;
  @Column({ type: 'smallint' }) sequence!: number;
  @Column({ type: 'varchar', length: 80, nullable: true }) label!: string | null;
  @Column({ name: 'duration_minutes', type: 'smallint' }) durationMinutes!: number;
  @Column({ name: 'staff_busy', type: 'boolean' }) staffBusy!: boolean;
  @ManyToOne(() => ServiceOrmEntity, (s) => s.segments, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id' })
  service!: ServiceOrmEntity;
}
