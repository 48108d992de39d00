import { DataSource } from 'typeorm';
import {
  AdminTransactionPorts,
  AdminUnitOfWork,
} from '../../../../application/admin/ports/admin-unit-of-work.port';
import { CredentialCipher } from '../credential-cipher';
import { TypeOrmSalonCatalog } from '../repositories/typeorm-salon-catalog';
import { refusalsInStoreTerms } from '../postgres-refusals';
import { retriedTransaction } from '../retried-transaction';
import { adminPortsFor } from './admin-ports';

export class TypeOrmAdminUnitOfWork implements AdminUnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: CredentialCipher | null,
    private readonly catalog: TypeOrmSalonCatalog,
  ) {}

  async run<T>(work: (tx: AdminTransactionPorts) => Promise<T>): Promise<T> {
    const result = await refusalsInStoreTerms(() =>
      retriedTransaction(this.dataSource, (m) => work(adminPortsFor(m, this.cipher))),
    );
    // The phone path reuses branch set-up for a few seconds; an operator's change shows at once.
    this.catalog.forget();
    return result;
  }
}
