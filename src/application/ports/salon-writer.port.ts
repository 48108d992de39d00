import { SalonFile } from '../salon-file/salon-file';
import { AuditLog } from './audit-log.port';

export const SALON_WRITER = Symbol('SalonWriter');

export interface ImportedSalon {
  companyId: string;
  branchIds: Record<string, string>;
  serviceIds: Record<string, string>;
  staffIds: Record<string, string>;
}

/** Writes a validated salon file, all of it or nothing (one transaction). */
export interface SalonWriter {
  companyExists(slug: string): Promise<boolean>;
  phoneNumbersInUse(numbers: readonly string[]): Promise<string[]>;
  /** `audit` runs inside the same transaction, once every row is written. */
  write(
    file: SalonFile,
    audit: (imported: ImportedSalon, log: AuditLog) => Promise<void>,
  ): Promise<ImportedSalon>;
  companyCount(): Promise<number>;
}
