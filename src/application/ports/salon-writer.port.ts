import { SalonFile } from '../salon-file/salon-file';

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
  write(file: SalonFile): Promise<ImportedSalon>;
  companyCount(): Promise<number>;
}
