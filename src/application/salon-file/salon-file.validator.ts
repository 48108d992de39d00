import { Branch } from '../../domain/salon/branch';
import { isLocalDate, IsoWeekday } from '../../domain/salon/local-date';
import { Service } from '../../domain/salon/service';
import { WeeklyHours, WeeklyHoursInput } from '../../domain/salon/weekly-hours';
import { isE164, isPlausibleEmail } from '../../domain/shared/contact-formats';
import { err, ok, Result } from '../../domain/shared/result';
import { unknownFieldProblem } from '../../common/closest-name';
import {
  SalonFile,
  SalonFileHours,
  SalonFileProblem,
  SalonFileService,
  WEEKDAY_KEYS,
} from './salon-file';

/** The fields each object of a salon file may have; any other is refused, not ignored. */
const FIELDS = {
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
  ],
  segment: ['label', 'minutes', 'staffBusy'],
  staff: ['key', 'name', 'branch', 'email', 'services', 'workingHours'],
  window: ['from', 'to'],
} as const;

const KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const WALL = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= max;
const isWhole = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const minutesOf = (wall: string): number => Number(wall.slice(0, 2)) * 60 + Number(wall.slice(3));

/** Shape and meaning of a salon file; every problem is reported with the field that has it. */
export function validateSalonFile(raw: unknown): Result<SalonFile, SalonFileProblem[]> {
  const problems: SalonFileProblem[] = [];
  const bad = (field: string, problem: string) => problems.push({ field, problem });

  if (!isObj(raw)) return err([{ field: '(file)', problem: 'must be a JSON object' }]);
  onlyKnown(raw, FIELDS.file, '', bad);
  const company = raw.company;
  if (!isObj(company)) bad('company', 'must be an object with name and slug');
  else {
    onlyKnown(company, FIELDS.company, 'company', bad);
    if (!isText(company.name, 150)) bad('company.name', 'must be text of 1-150 characters');
    if (typeof company.slug !== 'string' || !KEY.test(company.slug))
      bad('company.slug', 'must be lower-case letters, digits, - or _');
  }

  const branches = arrayAt(raw, 'branches', bad);
  const services = arrayAt(raw, 'services', bad);
  const staff = arrayAt(raw, 'staff', bad);

  const branchKeys = uniqueKeys(branches, 'branches', bad);
  const serviceKeys = uniqueKeys(services, 'services', bad);
  uniqueKeys(staff, 'staff', bad);

  const numbers = new Set<string>();
  branches.forEach((b, i) => {
    const at = `branches[${i}]`;
    if (!isObj(b)) return;
    onlyKnown(b, FIELDS.branch, at, bad);
    if (!isText(b.name, 150)) bad(`${at}.name`, 'must be text of 1-150 characters');
    const hours = checkHours(b.openingHours, `${at}.openingHours`, bad, true);
    const phones = b.phoneNumbers ?? [];
    if (!Array.isArray(phones)) bad(`${at}.phoneNumbers`, 'must be a list');
    else
      phones.forEach((p, j) => {
        if (typeof p !== 'string' || !isE164(p))
          bad(`${at}.phoneNumbers[${j}]`, 'must be an E.164 number such as +493012345678');
        else if (numbers.has(p)) bad(`${at}.phoneNumbers[${j}]`, `${p} is listed twice`);
        else numbers.add(p);
      });
    const closed = b.closedDates ?? [];
    if (!Array.isArray(closed)) bad(`${at}.closedDates`, 'must be a list');
    else
      closed.forEach((d, j) => {
        if (typeof d !== 'string' || !isLocalDate(d))
          bad(`${at}.closedDates[${j}]`, 'must be a date yyyy-MM-dd');
      });
    if (b.country !== undefined && (typeof b.country !== 'string' || !/^[A-Z]{2}$/.test(b.country)))
      bad(`${at}.country`, 'must be a two-letter country code such as DE');
    if (b.retellAgentId !== undefined && !isText(b.retellAgentId, 100))
      bad(`${at}.retellAgentId`, 'must be text of 1-100 characters');
    if (hours) {
      const branch = Branch.create({
        id: 'check',
        name: typeof b.name === 'string' ? b.name : 'x',
        timeZone: b.timeZone as string | undefined,
        openingHours: hours,
        slotGranularityMinutes: b.slotGranularityMinutes as number | undefined,
      });
      if (!branch.ok) {
        const field = /time ?zone/i.test(branch.error.detail)
          ? `${at}.timeZone`
          : /granularity/i.test(branch.error.detail)
            ? `${at}.slotGranularityMinutes`
            : at;
        bad(field, branch.error.detail);
      }
    }
  });

  services.forEach((s, i) => checkService(s, `services[${i}]`, bad));
  // The same rule as the database's (company, name) key: "Färben" and "färben" are two services.
  const serviceNames = new Set<string>();
  services.forEach((s, i) => {
    if (!isObj(s) || typeof s.name !== 'string') return;
    const name = s.name.trim();
    if (serviceNames.has(name)) bad(`services[${i}].name`, `"${s.name}" is used twice`);
    serviceNames.add(name);
  });

  staff.forEach((m, i) => {
    const at = `staff[${i}]`;
    if (!isObj(m)) return;
    onlyKnown(m, FIELDS.staff, at, bad);
    if (!isText(m.name, 150)) bad(`${at}.name`, 'must be text of 1-150 characters');
    if (typeof m.branch !== 'string' || !branchKeys.has(m.branch))
      bad(`${at}.branch`, `unknown branch "${String(m.branch)}"`);
    if (m.email !== undefined && (typeof m.email !== 'string' || !isPlausibleEmail(m.email)))
      bad(`${at}.email`, 'must be an e-mail address of at most 255 characters');
    // A stylist without services is a state the admin API allows (and exports as []).
    if (!Array.isArray(m.services)) bad(`${at}.services`, 'must be a list of service keys');
    else
      m.services.forEach((key, j) => {
        if (typeof key !== 'string' || !serviceKeys.has(key))
          bad(`${at}.services[${j}]`, `unknown service "${String(key)}"`);
      });
    if (m.workingHours !== undefined) checkHours(m.workingHours, `${at}.workingHours`, bad, false);
  });

  return problems.length === 0 ? ok(raw as unknown as SalonFile) : err(problems);
}

function onlyKnown(
  obj: Obj,
  known: readonly string[],
  at: string,
  bad: (f: string, p: string) => void,
): void {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) bad(at ? `${at}.${key}` : key, unknownFieldProblem(key, known));
  }
}

/** A list of objects; empty is fine, as a company fresh from the admin API exports so. */
function arrayAt(raw: Obj, key: string, bad: (f: string, p: string) => void): unknown[] {
  const value = raw[key];
  if (!Array.isArray(value)) {
    bad(key, 'must be a list');
    return [];
  }
  if (value.length > 500) bad(key, 'holds more than 500 entries');
  value.forEach((v, i) => {
    if (!isObj(v)) bad(`${key}[${i}]`, 'must be an object');
  });
  return value;
}

function uniqueKeys(
  items: unknown[],
  at: string,
  bad: (f: string, p: string) => void,
): Set<string> {
  const keys = new Set<string>();
  items.forEach((item, i) => {
    if (!isObj(item)) return;
    if (typeof item.key !== 'string' || !KEY.test(item.key))
      bad(`${at}[${i}].key`, 'must be lower-case letters, digits, - or _');
    else if (keys.has(item.key)) bad(`${at}[${i}].key`, `"${item.key}" is used twice`);
    else keys.add(item.key);
  });
  return keys;
}

function checkHours(
  raw: unknown,
  at: string,
  bad: (f: string, p: string) => void,
  required: boolean,
): WeeklyHours | undefined {
  if (!isObj(raw)) {
    if (required || raw !== undefined)
      bad(at, 'must map weekdays (mon..sun) to lists of {from, to}');
    return undefined;
  }
  const input: WeeklyHoursInput = {};
  let fine = true;
  for (const key of Object.keys(raw)) {
    const day = WEEKDAY_KEYS.indexOf(key as (typeof WEEKDAY_KEYS)[number]);
    if (day < 0) {
      bad(`${at}.${key}`, 'is not a weekday key (mon, tue, wed, thu, fri, sat, sun)');
      fine = false;
      continue;
    }
    const windows = (raw as SalonFileHours)[WEEKDAY_KEYS[day]];
    if (!Array.isArray(windows)) {
      bad(`${at}.${key}`, 'must be a list of {from, to}');
      fine = false;
      continue;
    }
    const spans: Array<[number, number]> = [];
    windows.forEach((w, j) => {
      const f = `${at}.${key}[${j}]`;
      if (isObj(w)) onlyKnown(w, FIELDS.window, f, bad);
      if (
        !isObj(w) ||
        typeof w.from !== 'string' ||
        typeof w.to !== 'string' ||
        !WALL.test(w.from) ||
        !WALL.test(w.to)
      ) {
        bad(f, 'must be {from: "HH:mm", to: "HH:mm"}');
        fine = false;
      } else if (minutesOf(w.to) <= minutesOf(w.from)) {
        bad(f, `ends (${w.to}) before it starts (${w.from})`);
        fine = false;
      } else {
        const span: [number, number] = [minutesOf(w.from), minutesOf(w.to)];
        if (spans.some(([a, b]) => span[0] < b && a < span[1])) {
          bad(f, 'overlaps another window of the same day');
          fine = false;
        }
        spans.push(span);
      }
    });
    input[(day + 1) as IsoWeekday] = windows as SalonFileHours['mon'];
  }
  if (!fine) return undefined;
  const hours = WeeklyHours.create(input);
  if (!hours.ok) {
    bad(at, hours.error.detail);
    return undefined;
  }
  return hours.value;
}

function checkService(raw: unknown, at: string, bad: (f: string, p: string) => void): void {
  if (!isObj(raw)) return;
  onlyKnown(raw, FIELDS.service, at, bad);
  const s = raw as Partial<SalonFileService> & Obj;
  if (!isText(s.name, 150)) bad(`${at}.name`, 'must be text of 1-150 characters');
  if (
    s.synonyms !== undefined &&
    (!Array.isArray(s.synonyms) || s.synonyms.some((x) => !isText(x, 150)))
  )
    bad(`${at}.synonyms`, 'must be a list of names of 1-150 characters');
  const hasDuration = s.durationMinutes !== undefined;
  const hasSegments = s.segments !== undefined;
  if (hasDuration === hasSegments) {
    bad(at, 'needs exactly one of durationMinutes or segments');
    return;
  }
  if (hasDuration && !isWhole(s.durationMinutes, 15, 480)) {
    bad(`${at}.durationMinutes`, 'must be a whole number of minutes between 15 and 480');
    return;
  }
  if (hasSegments) {
    if (!Array.isArray(s.segments) || s.segments.length === 0) {
      bad(`${at}.segments`, 'must be a non-empty list');
      return;
    }
    let fine = true;
    s.segments.forEach((seg, j) => {
      if (isObj(seg)) onlyKnown(seg, FIELDS.segment, `${at}.segments[${j}]`, bad);
      if (isObj(seg) && seg.label !== undefined && !isText(seg.label, 80)) {
        bad(`${at}.segments[${j}].label`, 'must be text of 1-80 characters');
        fine = false;
      }
      if (!isObj(seg) || !isWhole(seg.minutes, 1, 480)) {
        bad(`${at}.segments[${j}].minutes`, 'must be a positive whole number of minutes');
        fine = false;
      } else if (typeof seg.staffBusy !== 'boolean') {
        bad(`${at}.segments[${j}].staffBusy`, 'must be true or false');
        fine = false;
      }
    });
    if (!fine) return;
  }
  for (const field of ['bufferAfterMinutes', 'minNoticeMinutes', 'bookingHorizonDays'] as const) {
    if (s[field] !== undefined && !isWhole(s[field], 0, 100_000)) {
      bad(`${at}.${field}`, 'must be a whole non-negative number');
      return;
    }
  }
  const service = Service.create({
    id: 'check',
    name: typeof s.name === 'string' ? s.name : 'x',
    synonyms: Array.isArray(s.synonyms) ? (s.synonyms as string[]) : [],
    bufferAfterMinutes: s.bufferAfterMinutes,
    minNoticeMinutes: s.minNoticeMinutes,
    bookingHorizonDays: s.bookingHorizonDays,
    ...(hasDuration
      ? { durationMinutes: s.durationMinutes as number }
      : {
          segments: (s.segments ?? []).map((x) => ({ minutes: x.minutes, staffBusy: x.staffBusy })),
        }),
  });
  if (!service.ok) bad(at, service.error.detail);
}
