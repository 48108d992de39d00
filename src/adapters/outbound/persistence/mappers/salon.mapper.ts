import { Branch } from '../../../../domain/salon/branch';
import { IsoWeekday } from '../../../../domain/shared/local-date';
import { Service } from '../../../../domain/salon/service';
import { priceOf } from '../../../../domain/salon/service-price';
import { Staff } from '../../../../domain/salon/staff';
import { WallWindow, WeeklyHours } from '../../../../domain/salon/weekly-hours';
import { TimeRange } from '../../../../domain/shared/time-range';
import { BranchOrmEntity } from '../entities/branch.orm-entity';
import { ServiceOrmEntity } from '../entities/service.orm-entity';
import { StaffOrmEntity } from '../entities/staff.orm-entity';

const hhmm = (time: string): string => (time.startsWith('24') ? '24:00' : time.slice(0, 5));

function weeklyHours(
  rows: ReadonlyArray<{ weekday: number; from: string; to: string }>,
): WeeklyHours {
  const byDay: Partial<Record<IsoWeekday, WallWindow[]>> = {};
  for (const r of rows) {
    const day = r.weekday as IsoWeekday;
    (byDay[day] ??= []).push({ from: hhmm(r.from), to: hhmm(r.to) });
  }
  return WeeklyHours.of(byDay);
}

/** tstzrange text as Postgres prints it: ["2026-12-04 09:00:00+00","2026-12-04 10:00:00+00") */
export function parseTstzRange(text: string): TimeRange {
  const m = /^[[(]"?([^",]+)"?,"?([^",)\]]+)"?[)\]]$/.exec(text.trim());
  if (!m) throw new Error(`unreadable tstzrange ${text}`);
  return TimeRange.of(new Date(m[1]), new Date(m[2]));
}

export class SalonMapper {
  static branch(row: BranchOrmEntity): Branch {
    return Branch.restore({
      id: row.id,
      name: row.name,
      companyId: row.companyId,
      timeZone: row.timeZone,
      slotGranularityMinutes: row.slotGranularityMinutes,
      splitVisits: row.splitVisits,
      openingHours: weeklyHours(
        (row.openingHours ?? []).map((h) => ({
          weekday: h.weekday,
          from: h.opensAt,
          to: h.closesAt,
        })),
      ),
      closedDates: (row.closedDates ?? []).map((d) => d.localDate),
    });
  }

  static staff(row: StaffOrmEntity): Staff {
    const hours = row.workingHours ?? [];
    return Staff.restore({
      id: row.id,
      name: row.name,
      branchId: row.branchId,
      serviceIds: (row.services ?? []).map((s) => s.id),
      workingHours:
        hours.length > 0
          ? weeklyHours(hours.map((h) => ({ weekday: h.weekday, from: h.startsAt, to: h.endsAt })))
          : undefined,
      absences: (row.absences ?? []).map((a) => parseTstzRange(a.period)),
    });
  }

  static service(row: ServiceOrmEntity): Service {
    const segments = [...(row.segments ?? [])].sort((a, b) => a.sequence - b.sequence);
    const common = {
      id: row.id,
      companyId: row.companyId,
      name: row.name,
      synonyms: (row.synonyms ?? []).map((s) => s.synonym),
      bufferAfterMinutes: row.bufferAfterMinutes,
      minNoticeMinutes: row.minNoticeMinutes,
      bookingHorizonDays: row.bookingHorizonDays,
      duringProcessing: row.duringProcessing ?? false,
      description: row.description,
      price: priceOf(row.priceMinCents, row.priceMaxCents),
    };
    const result =
      segments.length === 1 && segments[0].staffBusy
        ? Service.create({ ...common, durationMinutes: segments[0].durationMinutes })
        : Service.create({
            ...common,
            segments: segments.map((s) => ({ minutes: s.durationMinutes, staffBusy: s.staffBusy })),
          });
    if (!result.ok)
      throw new RangeError(`stored service ${row.id} is invalid: ${result.error.detail}`);
    return result.value;
  }
}
