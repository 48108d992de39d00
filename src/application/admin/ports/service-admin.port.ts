import { Page, PageRequest } from '../page';

export const SERVICE_ADMIN = Symbol('ServiceAdmin');

export interface SegmentView {
  readonly label: string | null;
  readonly minutes: number;
  readonly staffBusy: boolean;
}

export interface ServiceData {
  readonly name: string;
  readonly synonyms: readonly string[];
  /** In order; a simple service is one staff-busy segment. */
  readonly segments: readonly SegmentView[];
  readonly bufferAfterMinutes: number;
  readonly minNoticeMinutes: number;
  readonly bookingHorizonDays: number;
  readonly active: boolean;
  /** What the service includes, for callers who ask; null: not described. */
  readonly description: string | null;
  /** Whole cents; both null (no price), equal (one price) or a range. */
  readonly priceMinCents: number | null;
  readonly priceMaxCents: number | null;
  /** May be done during another service's processing time in one visit. */
  readonly duringProcessing?: boolean;
}

export interface ServiceView extends ServiceData {
  readonly id: string;
  readonly companyId: string;
}

export interface ServiceAdmin {
  /** Null when another service of the company has this name. */
  save(companyId: string, id: string | undefined, data: ServiceData): Promise<ServiceView | null>;
  find(companyId: string, id: string): Promise<ServiceView | null>;
  list(companyId: string, page: PageRequest): Promise<Page<ServiceView>>;
  /** Which of these ids are services of the company. */
  existing(companyId: string, ids: readonly string[]): Promise<string[]>;
}
