import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('call_function_traces')
export class CallFunctionTraceOrmEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column({ name: 'call_id', type: 'varchar', length: 128 }) callId!: string;
  @Column({ name: 'function_name', type: 'varchar', length: 64 }) functionName!: string;
  @Column({ name: 'redacted_args', type: 'jsonb' }) redactedArgs!: Record<string, unknown>;
  @Column({ name: 'latency_ms', type: 'integer' }) latencyMs!: number;
  @Column({ type: 'varchar', length: 64 }) outcome!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
}
