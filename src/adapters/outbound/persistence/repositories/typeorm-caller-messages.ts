import { DataSource } from 'typeorm';
import {
  CallerMessage,
  CallerMessageFilter,
  CallerMessages,
  DueMail,
  NewCallerMessage,
} from '../../../../application/ports/caller-messages.port';
import { storableField } from '../../../../common/storable-text';
import { changedRows } from '../admin/sql-helpers';
import { CountRow } from '../shared.rows';

/** `SELECT * FROM caller_messages` */
interface MessageRow {
  id: string;
  company_id: string;
  branch_id: string;
  call_id: string | null;
  kind: 'callback' | 'message';
  body: string | null;
  caller_name: string | null;
  callback_number: string | null;
  preferred_time: string | null;
  status: 'open' | 'done';
  created_at: Date;
  done_at: Date | null;
  mail_to: string | null;
  mail_status: CallerMessage['mailStatus'];
  mail_attempts: number;
  mail_sent_at: Date | null;
}

/** The branch and company a claimed message was left at, and whom its mail goes to. */
interface PlaceRow {
  company_name: string;
  branch_name: string;
  branch_active: boolean;
  branch_time_zone: string;
  recipient: string;
}

/**
 * An active branch's own address; an inactive branch's mail goes to the company's first active
 * branch with an address (someone there reads it), else to its own, else to the one at the call.
 */
const RECIPIENT = `CASE WHEN b.active AND b.email IS NOT NULL THEN b.email
  ELSE coalesce((SELECT o.email FROM branches o
                  WHERE o.company_id = m.company_id AND o.active AND o.email IS NOT NULL
                  ORDER BY o.name, o.id LIMIT 1), b.email, m.mail_to) END`;

const toMessage = (r: MessageRow): CallerMessage => ({
  id: r.id,
  companyId: r.company_id,
  branchId: r.branch_id,
  callId: r.call_id,
  kind: r.kind,
  body: r.body,
  callerName: r.caller_name,
  callbackNumber: r.callback_number,
  preferredTime: r.preferred_time,
  status: r.status,
  createdAt: r.created_at,
  doneAt: r.done_at,
  mailTo: r.mail_to,
  mailStatus: r.mail_status,
  mailAttempts: r.mail_attempts,
  mailSentAt: r.mail_sent_at,
});

/** Callers' messages in Postgres; every read and change is scoped to the company. */
export class TypeOrmCallerMessages implements CallerMessages {
  constructor(private readonly ds: DataSource) {}

  async store(m: NewCallerMessage): Promise<CallerMessage> {
    const values = [
      m.companyId,
      m.branchId,
      storableField(m.callId, 128),
      m.kind,
      storableField(m.body, 1000),
      storableField(m.callerName, 150),
      m.callbackNumber,
      storableField(m.preferredTime, 200),
      m.createdAt,
      m.mailTo,
      m.mailStatus,
    ];
    const inserted: MessageRow[] = await this.ds.query(
      `INSERT INTO caller_messages(company_id, branch_id, call_id, kind, body, caller_name,
              callback_number, preferred_time, created_at, mail_to, mail_status, mail_next_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text,
               CASE WHEN $11::text = 'pending' THEN $9::timestamptz END)
       ON CONFLICT (company_id, call_id, kind, md5(coalesce(body, ''))) WHERE call_id IS NOT NULL
       DO NOTHING RETURNING *`,
      values,
    );
    if (inserted[0]) return toMessage(inserted[0]);
    const [first]: MessageRow[] = await this.ds.query(
      `SELECT * FROM caller_messages WHERE company_id = $1 AND call_id = $2 AND kind = $3
          AND md5(coalesce(body, '')) = md5(coalesce($4::text, ''))`,
      [values[0], values[2], values[3], values[4]],
    );
    return toMessage(first);
  }

  async list(
    companyId: string,
    filter: CallerMessageFilter,
    page: { page: number; pageSize: number },
  ): Promise<{ items: CallerMessage[]; total: number }> {
    const where = `company_id = $1 AND ($2::text IS NULL OR status = $2)
                   AND ($3::uuid IS NULL OR branch_id = $3)`;
    const params = [companyId, filter.status ?? null, filter.branchId ?? null];
    const rows: MessageRow[] = await this.ds.query(
      `SELECT * FROM caller_messages WHERE ${where}
        ORDER BY created_at DESC, id LIMIT $4 OFFSET $5`,
      [...params, page.pageSize, (page.page - 1) * page.pageSize],
    );
    const [{ n }]: CountRow[] = await this.ds.query(
      `SELECT count(*)::int AS n FROM caller_messages WHERE ${where}`,
      params,
    );
    return { items: rows.map(toMessage), total: n };
  }

  async setStatus(
    companyId: string,
    id: string,
    status: 'open' | 'done',
    at: Date,
  ): Promise<CallerMessage | null> {
    const rows = changedRows<MessageRow>(
      await this.ds.query(
        `UPDATE caller_messages SET status = $3::text, done_at = CASE WHEN $3::text = 'done' THEN $4::timestamptz END
        WHERE company_id = $1 AND id = $2 RETURNING *`,
        [companyId, id, status, at],
      ),
    );
    return rows[0] ? toMessage(rows[0]) : null;
  }

  async claimMail(id: string, now: Date, leaseUntil: Date): Promise<DueMail | null> {
    const rows = changedRows<MessageRow & PlaceRow>(
      await this.ds.query(
        `UPDATE caller_messages m SET mail_next_at = $3
           FROM branches b, companies c
          WHERE m.id = (SELECT id FROM caller_messages
                         WHERE id = $1 AND mail_status = 'pending' AND mail_next_at <= $2
                         FOR UPDATE SKIP LOCKED)
            AND b.id = m.branch_id AND c.id = m.company_id
        RETURNING m.*, c.name AS company_name, b.name AS branch_name,
                  b.active AS branch_active, b.time_zone AS branch_time_zone,
                  ${RECIPIENT} AS recipient`,
        [id, now, leaseUntil],
      ),
    );
    const [r] = rows;
    if (!r) return null;
    return {
      message: toMessage(r),
      mailTo: r.recipient,
      place: {
        companyName: r.company_name,
        branchName: r.branch_name,
        branchActive: r.branch_active,
        timeZone: r.branch_time_zone,
      },
    };
  }

  async overdueMail(dueBefore: Date, limit: number, afterId?: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT id FROM caller_messages
        WHERE mail_status = 'pending' AND mail_next_at < $1 AND ($3::uuid IS NULL OR id > $3)
        ORDER BY id LIMIT $2`,
      [dueBefore, limit, afterId ?? null],
    );
    return rows.map((r) => r.id);
  }

  async markMailed(id: string, at: Date): Promise<void> {
    await this.ds.query(
      `UPDATE caller_messages SET mail_status = 'sent', mail_sent_at = $2, mail_next_at = NULL,
              mail_attempts = mail_attempts + 1, mail_error = NULL WHERE id = $1`,
      [id, at],
    );
  }

  async markMailFailed(id: string, reason: string, retryAt: Date | null): Promise<void> {
    await this.ds.query(
      `UPDATE caller_messages SET mail_attempts = mail_attempts + 1, mail_error = $2,
              mail_status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
              mail_next_at = $3
        WHERE id = $1`,
      [id, storableField(reason, 200), retryAt],
    );
  }
}
