import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('calcom_credentials')
export class CalcomCredentialOrmEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId!: string;
  @Column({ type: 'varchar', length: 100 }) label!: string;
  @Column({ name: 'base_url', type: 'varchar', length: 255, nullable: true }) baseUrl!:
    string | null;
  @Column({ name: 'api_key_encrypted', type: 'text' }) apiKeyEncrypted!: string;
  @Column({ name: 'webhook_secret_encrypted', type: 'text', nullable: true })
  webhookSecretEncrypted!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
