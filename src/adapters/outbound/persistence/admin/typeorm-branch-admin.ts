import { EntityManager } from 'typeorm';
import { offsetOf, Page, PageRequest, pageOf } from '../../../../application/admin/page';
import {
  BranchAdmin,
  BranchData,
  BranchView,
} from '../../../../application/admin/ports/branch-admin.port';
import { CountRow, IdRow } from '../shared.rows';
import {
  BranchPhoneRow,
  BranchRow,
  ClosedDateRow,
  toBranchView,
} from './typeorm-branch-admin.rows';
import { hoursByOwner, replaceHours, WeeklyRow } from './weekly-rows';

export class TypeOrmBranchAdmin implements BranchAdmin {
  constructor(private readonly m: EntityManager) {}

  async save(companyId: string, id: string | undefined, d: BranchData): Promise<BranchView> {
    const values = [
      d.name,
      d.timeZone,
      d.country,
      d.slotGranularityMinutes,
      d.retellAgentId,
      d.active,
      d.email,
      d.transferNumber,
      d.splitVisits,
    ];
    let branchId = id;
    if (branchId) {
      await this.m.query(
        `UPDATE branches SET name = $3, time_zone = $4, country = $5,
                slot_granularity_minutes = $6, retell_agent_id = $7, active = $8,
                email = $9, transfer_number = $10, split_visits = $11
          WHERE id = $1 AND company_id = $2`,
        [branchId, companyId, ...values],
      );
    } else {
      const [created]: IdRow[] = await this.m.query(
        `INSERT INTO branches(company_id, name, time_zone, country, slot_granularity_minutes, retell_agent_id, active,
                               email, transfer_number, split_visits)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [companyId, ...values],
      );
      branchId = created.id;
    }
    const bid = branchId as string;
    await this.m.query(`DELETE FROM branch_phone_numbers WHERE branch_id = $1`, [bid]);
    for (const phone of d.phoneNumbers) {
      await this.m.query(
        `INSERT INTO branch_phone_numbers(phone_e164, branch_id) VALUES ($1, $2)`,
        [phone, bid],
      );
    }
    await replaceHours(this.m, 'opening_hours', bid, d.openingHours);
    await this.m.query(`DELETE FROM closed_dates WHERE branch_id = $1`, [bid]);
    for (const date of d.closedDates) {
      await this.m.query(`INSERT INTO closed_dates(branch_id, local_date) VALUES ($1, $2)`, [
        bid,
        date,
      ]);
    }
    return (await this.find(companyId, bid)) as BranchView;
  }

  async find(companyId: string, id: string): Promise<BranchView | null> {
    const rows: BranchRow[] = await this.m.query(
      `SELECT * FROM branches WHERE id = $1 AND company_id = $2`,
      [id, companyId],
    );
    return (await this.views(rows))[0] ?? null;
  }

  async list(companyId: string, page: PageRequest): Promise<Page<BranchView>> {
    const rows: BranchRow[] = await this.m.query(
      `SELECT * FROM branches WHERE company_id = $1 ORDER BY created_at, id LIMIT $2 OFFSET $3`,
      [companyId, page.pageSize, offsetOf(page)],
    );
    const [{ n }]: CountRow[] = await this.m.query(
      `SELECT count(*)::int AS n FROM branches WHERE company_id = $1`,
      [companyId],
    );
    return pageOf(await this.views(rows), n, page);
  }

  async numbersTaken(numbers: readonly string[], exceptBranchId?: string): Promise<string[]> {
    if (numbers.length === 0) return [];
    const rows: Pick<BranchPhoneRow, 'phone_e164'>[] = await this.m.query(
      `SELECT phone_e164 FROM branch_phone_numbers
        WHERE phone_e164 = ANY($1::varchar[]) AND branch_id IS DISTINCT FROM $2::uuid`,
      [[...numbers], exceptBranchId ?? null],
    );
    return rows.map((r) => r.phone_e164);
  }

  private async views(rows: BranchRow[]): Promise<BranchView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    // One statement at a time: in a transaction these share its one connection.
    const phones: BranchPhoneRow[] = await this.m.query(
      `SELECT branch_id, phone_e164 FROM branch_phone_numbers WHERE branch_id = ANY($1::uuid[]) ORDER BY phone_e164`,
      [ids],
    );
    const hours: WeeklyRow[] = await this.m.query(
      `SELECT branch_id AS owner, weekday, opens_at::text AS from_time, closes_at::text AS to_time
         FROM opening_hours WHERE branch_id = ANY($1::uuid[])`,
      [ids],
    );
    const closed: ClosedDateRow[] = await this.m.query(
      `SELECT branch_id, to_char(local_date, 'YYYY-MM-DD') AS day FROM closed_dates
        WHERE branch_id = ANY($1::uuid[]) ORDER BY local_date`,
      [ids],
    );
    const byBranch = hoursByOwner(hours);
    return rows.map((r) => toBranchView(r, phones, byBranch, closed));
  }
}
