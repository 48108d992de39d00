import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ServiceOrmEntity } from './service.orm-entity';

@Entity('service_synonyms')
export class ServiceSynonymOrmEntity {
  @PrimaryColumn({ name: 'service_id', type: 'uuid' }) serviceId!: string;
  @PrimaryColumn({ type: 'varchar', length: 150 }) synonym!: string;
  @ManyToOne(() => ServiceOrmEntity, (s) => s.synonyms, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id' })
  service!: ServiceOrmEntity;
}
