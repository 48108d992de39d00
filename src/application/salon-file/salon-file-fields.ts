import { unknownFieldProblem } from '../../common/closest-name';

/** The fields each object of a salon file may have; any other is refused, not ignored. */
export const FIELDS = {
  file: ['company', 'branches', 'services', 'staff'],
  company: ['name', 'slug'],
  branch: [
    'key',
    'name',
    'timeZone',
    'country',
    'phoneNumbers',
    'retellAgentId',
    'slotGranularityMinutes',
    'openingHours',
    'closedDates',
    'email',
    'transferNumber',
    'splitVisits',
  ],
  service: [
    'key',
    'name',
    'synonyms',
    'durationMinutes',
    'segments',
    'bufferAfterMinutes',
    'minNoticeMinutes',
    'bookingHorizonDays',
    'duringProcessing',
    'description',
    'priceMinCents',
    'priceMaxCents',
  ],
  segment: ['label', 'minutes', 'staffBusy'],
  staff: ['key', 'name', 'branch', 'email', 'services', 'workingHours'],
  window: ['from', 'to'],
} as const;

/** Keys of branches, services and staff; also the company's slug. */
export const KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** Records a problem with the field that has it. */
export type Complain = (field: string, problem: string) => void;

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const isText = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= max;
export const isWhole = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

export function onlyKnown(obj: Obj, known: readonly string[], at: string, bad: Complain): void {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) bad(at ? `${at}.${key}` : key, unknownFieldProblem(key, known));
  }
}
