import { DataSource, EntityManager } from 'typeorm';
import type { TransactionPorts, UnitOfWork } from '../../../application/ports/unit-of-work.port';
import { CredentialCipher } from './credential-cipher';
import { refusalsInStoreTerms } from './postgres-refusals';
import { lockAppointmentRow } from './repositories/typeorm-appointment.repository';
import { retriedTransaction } from './retried-transaction';
import { TypeOrmTransactionPorts } from './typeorm-transaction-ports';

export { portsFor } from './typeorm-transaction-ports';

/** What the phone path keeps of the salon's set-up for a few seconds. */
interface SetupCache {
  forget(): void;
}

export class TypeOrmUnitOfWork implements UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: CredentialCipher | null = null,
    private readonly setupCache?: SetupCache,
  ) {}

  run<T>(work: (tx: TransactionPorts) => Promise<T>): Promise<T> {
    return this.transaction((tx) => work(tx));
  }

  runLocked<T>(appointmentId: string, work: (tx: TransactionPorts) => Promise<T>): Promise<T> {
    return this.transaction(async (tx, m) => {
      await lockAppointmentRow(m, appointmentId);
      return work(tx);
    });
  }

  private async transaction<T>(
    work: (tx: TransactionPorts, m: EntityManager) => Promise<T>,
  ): Promise<T> {
    let tx: TypeOrmTransactionPorts | undefined;
    const result = await refusalsInStoreTerms(() =>
      retriedTransaction(this.dataSource, (m) => {
        tx = new TypeOrmTransactionPorts(m, this.cipher);
        return work(tx, m);
      }),
    );
    // An operator's change to the set-up shows on the phone at once, not a few seconds later.
    if (tx?.touchedSetup) this.setupCache?.forget();
    return result;
  }
}
