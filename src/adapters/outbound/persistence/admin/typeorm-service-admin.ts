import { EntityManager } from 'typeorm';
import { offsetOf, Page, PageRequest, pageOf } from '../../../../application/admin/page';
import {
  ServiceAdmin,
  ServiceData,
  ServiceView,
} from '../../../../application/admin/ports/service-admin.port';
import { CountRow, IdRow } from '../shared.rows';
import { unlessDuplicate } from './sql-helpers';
import { SegmentRow, ServiceRow, SynonymRow, toServiceView } from './typeorm-service-admin.rows';

export class TypeOrmServiceAdmin implements ServiceAdmin {
  constructor(private readonly m: EntityManager) {}

  async save(
    companyId: string,
    id: string | undefined,
    d: ServiceData,
  ): Promise<ServiceView | null> {
    const saved = await unlessDuplicate(this.m, async (m) => {
      const values = [
        d.name,
        d.bufferAfterMinutes,
        d.minNoticeMinutes,
        d.bookingHorizonDays,
        d.active,
        d.description,
        d.priceMinCents,
        d.priceMaxCents,
        d.duringProcessing === true,
      ];
      if (id) {
        await m.query(
          `UPDATE services SET name = $3, buffer_after_minutes = $4, min_notice_minutes = $5,
                  booking_horizon_days = $6, active = $7, description = $8,
                  price_min_cents = $9, price_max_cents = $10, during_processing = $11
            WHERE id = $1 AND company_id = $2`,
          [id, companyId, ...values],
        );
        return id;
      }
      const [{ id: created }]: IdRow[] = await m.query(
        `INSERT INTO services(company_id, name, buffer_after_minutes, min_notice_minutes, booking_horizon_days, active,
                               description, price_min_cents, price_max_cents, during_processing)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [companyId, ...values],
      );
      return created;
    });
    if (!saved) return null;
    await this.m.query(`DELETE FROM service_segments WHERE service_id = $1`, [saved]);
    for (const [sequence, s] of d.segments.entries()) {
      await this.m.query(
        `INSERT INTO service_segments(service_id, sequence, label, duration_minutes, staff_busy)
         VALUES ($1, $2, $3, $4, $5)`,
        [saved, sequence, s.label, s.minutes, s.staffBusy],
      );
    }
    await this.m.query(`DELETE FROM service_synonyms WHERE service_id = $1`, [saved]);
    for (const synonym of d.synonyms) {
      await this.m.query(`INSERT INTO service_synonyms(service_id, synonym) VALUES ($1, $2)`, [
        saved,
        synonym,
      ]);
    }
    return this.find(companyId, saved);
  }

  async find(companyId: string, id: string): Promise<ServiceView | null> {
    const rows: ServiceRow[] = await this.m.query(
      `SELECT * FROM services WHERE id = $1 AND company_id = $2`,
      [id, companyId],
    );
    return (await this.views(rows))[0] ?? null;
  }

  async list(companyId: string, page: PageRequest): Promise<Page<ServiceView>> {
    const rows: ServiceRow[] = await this.m.query(
      `SELECT * FROM services WHERE company_id = $1 ORDER BY name, id LIMIT $2 OFFSET $3`,
      [companyId, page.pageSize, offsetOf(page)],
    );
    const [{ n }]: CountRow[] = await this.m.query(
      `SELECT count(*)::int AS n FROM services WHERE company_id = $1`,
      [companyId],
    );
    return pageOf(await this.views(rows), n, page);
  }

  async existing(companyId: string, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: IdRow[] = await this.m.query(
      `SELECT id FROM services WHERE company_id = $1 AND id = ANY($2::uuid[])`,
      [companyId, [...ids]],
    );
    return rows.map((r) => r.id);
  }

  private async views(rows: ServiceRow[]): Promise<ServiceView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    // One statement at a time: in a transaction these share its one connection.
    const segments: SegmentRow[] = await this.m.query(
      `SELECT service_id, label, duration_minutes, staff_busy FROM service_segments
        WHERE service_id = ANY($1::uuid[]) ORDER BY sequence`,
      [ids],
    );
    const synonyms: SynonymRow[] = await this.m.query(
      `SELECT service_id, synonym FROM service_synonyms WHERE service_id = ANY($1::uuid[]) ORDER BY synonym`,
      [ids],
    );
    return rows.map((r) => toServiceView(r, segments, synonyms));
  }
}
