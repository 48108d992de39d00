import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('calcom_mappings')
export class CalcomMappingOrmEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId!: string;
  @Column({ name: 'credential_id', type: 'uuid' }) credentialId!: string;
  @Column({ name: 'service_id', type: 'uuid' }) serviceId!: string;
  @Column({ name: 'segment_sequence', type: 'smallint', nullable: true }) segmentSequence!:
    number | null;
  @Column({ name: 'staff_id', type: 'uuid' }) staffId!: string;
  @Column({ name: 'event_type_id', type: 'bigint' }) eventTypeId!: string;
  @Column({ name: 'calcom_user_id', type: 'bigint', nullable: true }) calcomUserId!: string | null;
}
