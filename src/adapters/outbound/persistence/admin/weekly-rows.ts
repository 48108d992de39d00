import { EntityManager } from 'typeorm';
import { WeeklyHoursView } from '../../../../application/admin/ports/weekly-hours.view';
import { WEEKDAY_KEYS } from '../../../../application/salon-file/salon-file';
import { wallTime } from './sql-helpers';

export interface WeeklyRow {
  owner: string;
  weekday: number;
  from_time: string;
  to_time: string;
}

/** Rows of opening_hours / staff_working_hours grouped per owner as `{ mon: [...] }`. */
export function hoursByOwner(rows: readonly WeeklyRow[]): Map<string, WeeklyHoursView> {
  const byOwner = new Map<string, WeeklyHoursView>();
  const sorted = [...rows].sort(
    (a, b) => a.weekday - b.weekday || a.from_time.localeCompare(b.from_time),
  );
  for (const r of sorted) {
    const view = byOwner.get(r.owner) ?? {};
    const key = WEEKDAY_KEYS[r.weekday - 1];
    (view[key] ??= []).push({ from: wallTime(r.from_time), to: wallTime(r.to_time) });
    byOwner.set(r.owner, view);
  }
  return byOwner;
}

export async function replaceHours(
  m: EntityManager,
  table: 'opening_hours' | 'staff_working_hours',
  owner: string,
  hours: WeeklyHoursView | null,
): Promise<void> {
  const [ownerCol, fromCol, toCol] =
    table === 'opening_hours'
      ? ['branch_id', 'opens_at', 'closes_at']
      : ['staff_id', 'starts_at', 'ends_at'];
  await m.query(`DELETE FROM ${table} WHERE ${ownerCol} = $1`, [owner]);
  for (const [i, key] of WEEKDAY_KEYS.entries()) {
    for (const w of hours?.[key] ?? []) {
      await m.query(
        `INSERT INTO ${table}(${ownerCol}, weekday, ${fromCol}, ${toCol}) VALUES ($1, $2, $3, $4)`,
        [owner, i + 1, w.from, w.to],
      );
    }
  }
}
