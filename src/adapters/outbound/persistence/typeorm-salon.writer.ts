import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditLog } from '../../../application/ports/audit-log.port';
import { ImportedSalon, SalonWriter } from '../../../application/ports/salon-writer.port';
import {
  SalonFile,
  SalonFileHours,
  WEEKDAY_KEYS,
} from '../../../application/salon-file/salon-file';
import { BranchPhoneNumberOrmEntity } from './entities/branch-phone-number.orm-entity';
import { CompanyOrmEntity } from './entities/company.orm-entity';
import { TypeOrmAuditLog } from './repositories/typeorm-audit-log';
import { IdRow } from './shared.rows';

@Injectable()
export class TypeOrmSalonWriter implements SalonWriter {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async companyExists(slug: string): Promise<boolean> {
    return (await this.dataSource.getRepository(CompanyOrmEntity).countBy({ slug })) > 0;
  }

  async companyCount(): Promise<number> {
    return this.dataSource.getRepository(CompanyOrmEntity).count();
  }

  async phoneNumbersInUse(numbers: readonly string[]): Promise<string[]> {
    if (numbers.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(BranchPhoneNumberOrmEntity)
      .findBy({ phoneE164: In([...numbers]) });
    return rows.map((r) => r.phoneE164);
  }

  write(
    file: SalonFile,
    audit: (imported: ImportedSalon, log: AuditLog) => Promise<void>,
  ): Promise<ImportedSalon> {
    return this.dataSource.transaction(async (m) => {
      const [{ id: companyId }]: IdRow[] = await m.query(
        `INSERT INTO companies(name, slug) VALUES ($1, $2) RETURNING id`,
        [file.company.name.trim(), file.company.slug],
      );
      const branchIds: Record<string, string> = {};
      // Branches are listed by creation time: a microsecond apart keeps the file's order.
      for (const [order, b] of file.branches.entries()) {
        const [{ id }]: IdRow[] = await m.query(
          `INSERT INTO branches(company_id, name, time_zone, country, slot_granularity_minutes, retell_agent_id, created_at,
                                email, transfer_number, split_visits)
           VALUES ($1, $2, $3, $4, $5, $6, now() + $7 * interval '1 microsecond', $8, $9, $10)
           RETURNING id`,
          [
            companyId,
            b.name.trim(),
            b.timeZone ?? 'Europe/Berlin',
            b.country ?? 'DE',
            b.slotGranularityMinutes ?? 15,
            b.retellAgentId ?? null,
            order,
            b.email ?? null,
            b.transferNumber ?? null,
            b.splitVisits ?? false,
          ],
        );
        branchIds[b.key] = id;
        for (const phone of b.phoneNumbers ?? []) {
          await m.query(`INSERT INTO branch_phone_numbers(phone_e164, branch_id) VALUES ($1, $2)`, [
            phone,
            id,
          ]);
        }
        await insertHours(
          m,
          'opening_hours',
          'branch_id',
          id,
          b.openingHours,
          'opens_at',
          'closes_at',
        );
        for (const date of b.closedDates ?? []) {
          await m.query(`INSERT INTO closed_dates(branch_id, local_date) VALUES ($1, $2)`, [
            id,
            date,
          ]);
        }
      }
      const serviceIds: Record<string, string> = {};
      for (const s of file.services) {
        const [{ id }]: IdRow[] = await m.query(
          `INSERT INTO services(company_id, name, buffer_after_minutes, min_notice_minutes, booking_horizon_days,
                                description, price_min_cents, price_max_cents, during_processing)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [
            companyId,
            s.name.trim(),
            s.bufferAfterMinutes ?? 0,
            s.minNoticeMinutes ?? 0,
            s.bookingHorizonDays ?? 90,
            s.description?.trim() ?? null,
            s.priceMinCents ?? null,
            s.priceMaxCents ?? s.priceMinCents ?? null,
            s.duringProcessing === true,
          ],
        );
        serviceIds[s.key] = id;
        const segments = s.segments ?? [{ minutes: s.durationMinutes as number, staffBusy: true }];
        for (const [sequence, seg] of segments.entries()) {
          await m.query(
            `INSERT INTO service_segments(service_id, sequence, label, duration_minutes, staff_busy)
             VALUES ($1, $2, $3, $4, $5)`,
            [id, sequence, 'label' in seg ? (seg.label ?? null) : null, seg.minutes, seg.staffBusy],
          );
        }
        for (const synonym of new Set((s.synonyms ?? []).map((x) => x.trim()))) {
          await m.query(`INSERT INTO service_synonyms(service_id, synonym) VALUES ($1, $2)`, [
            id,
            synonym,
          ]);
        }
      }
      const staffIds: Record<string, string> = {};
      for (const st of file.staff) {
        const [{ id }]: IdRow[] = await m.query(
          `INSERT INTO staff(company_id, branch_id, name, email) VALUES ($1, $2, $3, $4) RETURNING id`,
          // Lower-cased like the staff routes store it.
          [companyId, branchIds[st.branch], st.name.trim(), st.email?.toLowerCase() ?? null],
        );
        staffIds[st.key] = id;
        for (const key of new Set(st.services)) {
          await m.query(`INSERT INTO staff_services(staff_id, service_id) VALUES ($1, $2)`, [
            id,
            serviceIds[key],
          ]);
        }
        if (st.workingHours) {
          await insertHours(
            m,
            'staff_working_hours',
            'staff_id',
            id,
            st.workingHours,
            'starts_at',
            'ends_at',
          );
        }
      }
      const imported = { companyId, branchIds, serviceIds, staffIds };
      await audit(imported, new TypeOrmAuditLog(m));
      return imported;
    });
  }
}

async function insertHours(
  m: EntityManager,
  table: 'opening_hours' | 'staff_working_hours',
  ownerColumn: 'branch_id' | 'staff_id',
  ownerId: string,
  hours: SalonFileHours,
  fromColumn: string,
  toColumn: string,
): Promise<void> {
  for (const [index, key] of WEEKDAY_KEYS.entries()) {
    for (const w of hours[key] ?? []) {
      // '24:00' is a valid end of day in the file; Postgres time accepts it too.
      await m.query(
        `INSERT INTO ${table}(${ownerColumn}, weekday, ${fromColumn}, ${toColumn}) VALUES ($1, $2, $3, $4)`,
        [ownerId, index + 1, w.from, w.to],
      );
    }
  }
}
