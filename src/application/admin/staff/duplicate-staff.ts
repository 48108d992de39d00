import { StaffIdentity } from '../ports/staff-merge.port';

export type DuplicateReason = 'name' | 'email' | 'calcom_user';

export interface DuplicateGroup {
  readonly reason: DuplicateReason;
  /** The normalised value the records share. */
  readonly value: string;
  readonly staff: ReadonlyArray<Pick<StaffIdentity, 'id' | 'name' | 'branchId' | 'active'>>;
}

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** "  Jürgen  MÜLLER" and "juergen mueller" are the same name; accents and case do not count. */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => UMLAUTS[c])
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Groups of two or more records sharing a normalised name, an e-mail or a Cal.com user. */
export function findDuplicateStaff(staff: readonly StaffIdentity[]): DuplicateGroup[] {
  const groups: DuplicateGroup[] = [];
  const collect = (reason: DuplicateReason, keysOf: (s: StaffIdentity) => string[]) => {
    const byKey = new Map<string, StaffIdentity[]>();
    for (const s of staff) {
      for (const key of new Set(keysOf(s))) {
        if (key) byKey.set(key, [...(byKey.get(key) ?? []), s]);
      }
    }
    for (const [value, members] of byKey) {
      if (members.length < 2) continue;
      groups.push({
        reason,
        value,
        staff: members.map(({ id, name, branchId, active }) => ({ id, name, branchId, active })),
      });
    }
  };
  collect('name', (s) => [normaliseName(s.name)]);
  collect('email', (s) => (s.email ? [s.email.trim().toLowerCase()] : []));
  collect('calcom_user', (s) => [...s.calcomUserIds]);
  return groups;
}
