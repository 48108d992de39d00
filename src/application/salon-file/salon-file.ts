/**
 * A salon file: everything a salon needs to take calls (company, branches with hours, services
 * with segments, stylists). The demo salon ships as one; operators import theirs the same way.
 */
export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

export interface SalonFileWindow {
  from: string;
  to: string;
}

export type SalonFileHours = Partial<Record<WeekdayKey, SalonFileWindow[]>>;

export interface SalonFileSegment {
  label?: string;
  minutes: number;
  staffBusy: boolean;
}

export interface SalonFileService {
  key: string;
  name: string;
  synonyms?: string[];
  durationMinutes?: number;
  segments?: SalonFileSegment[];
  bufferAfterMinutes?: number;
  minNoticeMinutes?: number;
  bookingHorizonDays?: number;
  /**
   * May be done while another service of the same visit is processing (a wash during a
   * colour's waiting time), by the same stylist. Default false: one after another.
   */
  duringProcessing?: boolean;
  /** What the service includes, read to callers who ask (at most 300 characters). */
  description?: string;
  /** Price in cents, or the lowest of a range ("ab 45 Euro"). */
  priceMinCents?: number;
  /** Highest price of a range in cents; omitted: priceMinCents is the price. */
  priceMaxCents?: number;
}

export interface SalonFileBranch {
  key: string;
  name: string;
  timeZone?: string;
  country?: string;
  phoneNumbers?: string[];
  retellAgentId?: string;
  slotGranularityMinutes?: number;
  openingHours: SalonFileHours;
  closedDates?: string[];
  /** Where callers' messages for the salon are sent. */
  email?: string;
  /** E.164 number of a person at the salon, for callers who want one (not an answered number). */
  transferNumber?: string;
  /** A visit's services may go to different stylists when no one can do them all (default no). */
  splitVisits?: boolean;
}

export interface SalonFileStaff {
  key: string;
  name: string;
  branch: string;
  email?: string;
  services: string[];
  workingHours?: SalonFileHours;
}

export interface SalonFile {
  company: { name: string; slug: string };
  branches: SalonFileBranch[];
  services: SalonFileService[];
  staff: SalonFileStaff[];
}

/** One thing wrong with a salon file, named by its path (e.g. `services[2].segments[0].minutes`). */
export interface SalonFileProblem {
  field: string;
  problem: string;
}
