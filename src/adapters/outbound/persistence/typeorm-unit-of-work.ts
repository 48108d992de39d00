import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionPorts, UnitOfWork } from '../../../application/ports/unit-of-work.port';
import { TypeOrmAppointmentRepository } from './repositories/typeorm-appointment.repository';
import { TypeOrmAuditLog } from './repositories/typeorm-audit-log';
import { TypeOrmCustomerRepository } from './repositories/typeorm-customer.repository';
import { TypeOrmHoldRepository } from './repositories/typeorm-hold.repository';
import { TypeOrmSyncOutbox } from './repositories/typeorm-sync-outbox';
import { refusalsInStoreTerms } from './postgres-refusals';
import { retriedTransaction } from './retried-transaction';

/** The repositories bound to one entity manager: the data source's, or a transaction's. */
export function portsFor(m: EntityManager): TransactionPorts {
  return {
    appointments: new TypeOrmAppointmentRepository(m),
    customers: new TypeOrmCustomerRepository(m),
    holds: new TypeOrmHoldRepository(m),
    outbox: new TypeOrmSyncOutbox(m),
    audit: new TypeOrmAuditLog(m),
  };
}

@Injectable()
export class TypeOrmUnitOfWork implements UnitOfWork {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (tx: TransactionPorts) => Promise<T>): Promise<T> {
    return refusalsInStoreTerms(() =>
      retriedTransaction(this.dataSource, (m) => work(portsFor(m))),
    );
  }
}
