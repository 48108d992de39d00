import { Inject, Injectable } from '@nestjs/common';
import { err, ok, Result } from '../../domain/shared/result';
import { NotFound } from '../admin/admin.errors';
import { Page, PageRequest } from '../admin/page';
import { BRANCH_ADMIN, BranchAdmin } from '../admin/ports/branch-admin.port';
import { COMPANY_DIRECTORY, CompanyDirectory } from '../admin/ports/company-directory.port';
import { SERVICE_ADMIN, ServiceAdmin, ServiceView } from '../admin/ports/service-admin.port';
import { STAFF_ADMIN, StaffAdmin } from '../admin/ports/staff-admin.port';
import { WeeklyHoursView } from '../admin/ports/weekly-hours.view';
import { SalonFile, SalonFileHours, SalonFileService } from './salon-file';

const BATCH = 500;

async function everything<T>(read: (p: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const batch = await read({ page, pageSize: BATCH });
    all.push(...batch.items);
    if (all.length >= batch.total || batch.items.length === 0) return all;
  }
}

/** Readable, unique keys (`anna`, `anna-2`) as salon files use them. */
function keyMaker(): (name: string) => string {
  const used = new Set<string>();
  return (name) => {
    const base =
      name
        .toLowerCase()
        .replace(/ä/g, 'ae')
        .replace(/ö/g, 'oe')
        .replace(/ü/g, 'ue')
        .replace(/ß/g, 'ss')
        .normalize('NFD')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 56) || 'item';
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return key;
  };
}

const hours = (view: WeeklyHoursView): SalonFileHours =>
  Object.fromEntries(
    Object.entries(view).map(([day, windows]) => [day, windows.map((w) => ({ ...w }))]),
  );

function serviceEntry(key: string, s: ServiceView): SalonFileService {
  const simple = s.segments.length === 1 && s.segments[0].staffBusy && !s.segments[0].label;
  return {
    key,
    name: s.name,
    ...(s.synonyms.length > 0 ? { synonyms: [...s.synonyms] } : {}),
    ...(simple
      ? { durationMinutes: s.segments[0].minutes }
      : {
          segments: s.segments.map((g) => ({
            ...(g.label ? { label: g.label } : {}),
            minutes: g.minutes,
            staffBusy: g.staffBusy,
          })),
        }),
    bufferAfterMinutes: s.bufferAfterMinutes,
    minNoticeMinutes: s.minNoticeMinutes,
    bookingHorizonDays: s.bookingHorizonDays,
    ...(s.duringProcessing ? { duringProcessing: true } : {}),
    ...(s.description ? { description: s.description } : {}),
    ...(s.priceMinCents !== null ? { priceMinCents: s.priceMinCents } : {}),
    ...(s.priceMaxCents !== null && s.priceMaxCents !== s.priceMinCents
      ? { priceMaxCents: s.priceMaxCents }
      : {}),
  };
}

/**
 * Stylists come sorted by name, and namesakes by their ids, which an import draws anew; sorting
 * namesakes by what they are instead keeps `anna` and `anna-2` the same stylists on every export.
 */
function inStableOrder<T extends { name: string }>(byName: T[]): T[] {
  const sorted: T[] = [];
  for (let i = 0; i < byName.length;) {
    let j = i;
    while (j < byName.length && byName[j].name === byName[i].name) j++;
    const namesakes = byName.slice(i, j).map((m) => ({ m, text: JSON.stringify(m) }));
    namesakes.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    sorted.push(...namesakes.map((n) => n.m));
    i = j;
  }
  return sorted;
}

/**
 * A company as a salon file (active services and stylists), the same shape the importer reads:
 * export, change the slug and numbers, import, and the same salon comes out again.
 */
@Injectable()
export class SalonFileExporter {
  constructor(
    @Inject(COMPANY_DIRECTORY) private readonly companies: CompanyDirectory,
    @Inject(BRANCH_ADMIN) private readonly branches: BranchAdmin,
    @Inject(SERVICE_ADMIN) private readonly services: ServiceAdmin,
    @Inject(STAFF_ADMIN) private readonly staff: StaffAdmin,
  ) {}

  async export(companyId: string): Promise<Result<SalonFile, NotFound>> {
    const company = await this.companies.find(companyId);
    if (!company) return err(new NotFound('COMPANY'));
    const [branches, services, staff] = await Promise.all([
      everything((p) => this.branches.list(companyId, p)),
      everything((p) => this.services.list(companyId, p)),
      everything((p) => this.staff.list(companyId, p)),
    ]);
    const branchKey = keyMaker();
    const branchKeys = new Map(branches.map((b) => [b.id, branchKey(b.name)]));
    const serviceKey = keyMaker();
    const activeServices = services.filter((s) => s.active);
    const serviceKeys = new Map(activeServices.map((s) => [s.id, serviceKey(s.name)]));
    const staffKey = keyMaker();
    return ok({
      company: { name: company.name, slug: company.slug },
      branches: branches.map((b) => ({
        key: branchKeys.get(b.id)!,
        name: b.name,
        timeZone: b.timeZone,
        country: b.country,
        phoneNumbers: [...b.phoneNumbers],
        ...(b.retellAgentId ? { retellAgentId: b.retellAgentId } : {}),
        slotGranularityMinutes: b.slotGranularityMinutes,
        openingHours: hours(b.openingHours),
        closedDates: [...b.closedDates],
        ...(b.email ? { email: b.email } : {}),
        ...(b.transferNumber ? { transferNumber: b.transferNumber } : {}),
        ...(b.splitVisits ? { splitVisits: true } : {}),
      })),
      services: activeServices.map((s) => serviceEntry(serviceKeys.get(s.id)!, s)),
      staff: inStableOrder(
        staff
          .filter((m) => m.active)
          .map((m) => ({
            name: m.name,
            branch: branchKeys.get(m.branchId)!,
            ...(m.email ? { email: m.email } : {}),
            services: m.serviceIds
              .filter((id) => serviceKeys.has(id))
              .map((id) => serviceKeys.get(id)!)
              .sort(),
            ...(m.workingHours ? { workingHours: hours(m.workingHours) } : {}),
          })),
      ).map(({ name, ...rest }) => ({ key: staffKey(name), name, ...rest })),
    });
  }
}
