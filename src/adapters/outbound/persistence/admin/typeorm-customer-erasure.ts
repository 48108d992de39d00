import { EntityManager } from 'typeorm';
import {
  CustomerErasure,
  ErasableCustomer,
  ErasureCounts,
} from '../../../../application/admin/ports/customer-erasure.port';
import { CustomerMentions, ERASED } from '../../../../domain/salon/customer-mentions';
import { IdRow } from '../shared.rows';
import {
  ErasableCustomerRow,
  FreeTextRow,
  toErasableCustomer,
} from './typeorm-customer-erasure.rows';
import { CUSTOMER_CALLS } from './typeorm-customer-export';

/** A stored free-text column of a company's rows, with how to find those rows. */
interface FreeTextColumn {
  readonly table: string;
  readonly key: string;
  readonly column: string;
  readonly json: boolean;
  /** SQL naming the company's rows, $1 being the company id. */
  readonly ofCompany: string;
}

/** Where free text that may name a customer is stored (everything else is ids, times, codes). */
const FREE_TEXT: readonly FreeTextColumn[] = [
  { table: 'audit_log', key: 'id', column: 'details', json: true, ofCompany: 'company_id = $1' },
  { table: 'calls', key: 'id', column: 'analysis', json: true, ofCompany: 'company_id = $1' },
  {
    table: 'call_function_traces',
    key: 'id',
    column: 'redacted_args',
    json: true,
    ofCompany: 'call_id IN (SELECT id FROM calls WHERE company_id = $1)',
  },
  {
    table: 'appointments',
    key: 'id',
    column: 'last_sync_error',
    json: false,
    ofCompany: 'company_id = $1',
  },
  {
    table: 'calendar_bookings',
    key: 'id',
    column: 'last_error',
    json: false,
    ofCompany: 'company_id = $1',
  },
  ...['body', 'caller_name', 'preferred_time'].map((column) => ({
    table: 'caller_messages',
    key: 'id',
    column,
    json: false,
    ofCompany: 'company_id = $1',
  })),
];

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export class TypeOrmCustomerErasure implements CustomerErasure {
  constructor(private readonly m: EntityManager) {}

  async lockCustomer(companyId: string, customerId: string): Promise<ErasableCustomer | null> {
    const [row]: ErasableCustomerRow[] = await this.m.query(
      `SELECT id, name, phone_e164, email, erased_at FROM customers
        WHERE id = $1 AND company_id = $2 FOR UPDATE`,
      [customerId, companyId],
    );
    return row ? toErasableCustomer(row) : null;
  }

  async erase(
    companyId: string,
    customerId: string,
    mentions: CustomerMentions,
    at: Date,
  ): Promise<ErasureCounts> {
    // Before the calls lose their numbers, by which the customer's calls are found.
    await this.deleteMessages(companyId, customerId, mentions);
    const calls = await this.clearCalls(companyId, customerId, mentions);
    await this.m.query(
      `UPDATE appointments SET idempotency_key = NULL, last_sync_error = NULL
        WHERE company_id = $1 AND customer_id = $2`,
      [companyId, customerId],
    );
    await this.m.query(
      `UPDATE audit_log SET details = '{}'::jsonb
        WHERE company_id = $1 AND entity = 'customer' AND entity_id = $2`,
      [companyId, customerId],
    );
    let rewrittenRows = 0;
    for (const column of FREE_TEXT)
      rewrittenRows += await this.rewrite(column, companyId, mentions);
    await this.m.query(
      `UPDATE customers
          SET name = $3, phone_e164 = NULL, email = NULL, recognition_consent = false, erased_at = $4
        WHERE id = $1 AND company_id = $2`,
      [customerId, companyId, ERASED, at],
    );
    return { calls, rewrittenRows };
  }

  /** Calls from the customer's number (in whatever spelling it was stored) or that booked for them. */
  private async clearCalls(
    companyId: string,
    customerId: string,
    mentions: CustomerMentions,
  ): Promise<number> {
    const rows: IdRow[] = await this.m.query(`SELECT id FROM (${CUSTOMER_CALLS}) linked`, [
      companyId,
      customerId,
      mentions.phoneDigitSpellings(),
    ]);
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return 0;
    await this.m.query(
      `UPDATE call_function_traces SET redacted_args = '{}'::jsonb WHERE call_id = ANY($1::varchar[])`,
      [ids],
    );
    await this.m.query(
      `UPDATE calls SET from_number = NULL, analysis = NULL WHERE id = ANY($1::varchar[])`,
      [ids],
    );
    return ids.length;
  }

  /**
   * Messages for the salon left on the customer's calls or giving their number to call back are
   * theirs and go; other callers' messages that name them are rewritten with the free text.
   */
  private async deleteMessages(
    companyId: string,
    customerId: string,
    mentions: CustomerMentions,
  ): Promise<void> {
    await this.m.query(
      `DELETE FROM caller_messages
        WHERE company_id = $1
          AND (call_id IN (SELECT id FROM (${CUSTOMER_CALLS}) linked)
               OR regexp_replace(coalesce(callback_number, ''), '[^0-9]', '', 'g') = ANY($3::text[]))`,
      [companyId, customerId, mentions.phoneDigitSpellings()],
    );
  }

  /** Rows whose text may mention the customer are read, erased in code, and written back. */
  private async rewrite(
    c: FreeTextColumn,
    companyId: string,
    mentions: CustomerMentions,
  ): Promise<number> {
    const likes = mentions.literals.map((text) => `%${likeEscaped(text)}%`);
    const digits = mentions.nationalDigits ? `%${mentions.nationalDigits}%` : null;
    const rows: FreeTextRow[] = await this.m.query(
      `SELECT ${c.key}::text AS key, ${c.column} AS value FROM ${c.table}
        WHERE ${c.ofCompany} AND ${c.column} IS NOT NULL
          AND (${c.column}::text ILIKE ANY($2::text[])
               OR ($3::text IS NOT NULL
                   AND regexp_replace(${c.column}::text, '[^0-9]', '', 'g') LIKE $3::text))`,
      [companyId, likes, digits],
    );
    let changed = 0;
    for (const row of rows) {
      const erased = c.json
        ? mentions.eraseFromJson(row.value)
        : mentions.eraseFrom(String(row.value));
      if (JSON.stringify(erased) === JSON.stringify(row.value)) continue;
      await this.m.query(
        `UPDATE ${c.table} SET ${c.column} = $2${c.json ? '::jsonb' : ''} WHERE ${c.key} = $1`,
        [row.key, c.json ? JSON.stringify(erased) : erased],
      );
      changed++;
    }
    return changed;
  }
}
