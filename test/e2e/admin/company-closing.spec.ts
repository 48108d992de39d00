import { sign } from 'retell-sdk';
import { ClosedCompanySweeper } from '../../../src/application/admin/access/closed-company-sweeper';
import { UNIT_OF_WORK } from '../../../src/application/ports/unit-of-work.port';
import { Clock } from '../../../src/application/ports/clock.port';
import { AdminTestApp, FIXED_NOW, startAdminApp } from './admin-app';
import { as, asBootstrap, book, friday, Tenant, tenant } from './admin-world';

const RETELL_KEY = 'key_retell_closing_0123456789';
const DAY_MS = 86_400_000;
const A_LINE = '+4930111111';
const B_LINE = '+4930222222';

/** A clock the test moves. */
class MovableClock implements Clock {
  constructor(private at: Date) {}
  now(): Date {
    return new Date(this.at);
  }
  set(at: Date): void {
    this.at = at;
  }
}

/** Closing a company: numbers and keys stop at once, its data goes after the retention. */
describe('admin company closing', () => {
  let t: AdminTestApp;
  let a: Tenant;
  let b: Tenant;
  const q = (sql: string, params: unknown[] = []) => t.ds.query(sql, params);

  const callSalon = async (line: string) => {
    const body = JSON.stringify({
      name: 'get_current_context',
      args: {},
      call: {
        call_id: `call_${line.slice(1)}`,
        call_type: 'phone_call',
        direction: 'inbound',
        from_number: '+4915112345678',
        to_number: line,
        call_status: 'ongoing',
      },
    });
    const res = await t.http
      .post('/api/retell/function-call')
      .set('content-type', 'application/json')
      .set('x-retell-signature', await sign(body, RETELL_KEY))
      .send(body);
    expect(res.status).toBe(200);
    expect(res.body.code).not.toMatch(/^INTERNAL/);
    return res.body as { code?: string };
  };

  /** Rows naming the company in every table that has a company_id column. */
  async function rowsOf(companyId: string): Promise<Record<string, number>> {
    const tables: Array<{ table_name: string }> = await q(
      `SELECT table_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'company_id'`,
    );
    const counts: Record<string, number> = {};
    for (const { table_name: table } of tables) {
      const [{ n }] = await q(`SELECT count(*)::int AS n FROM "${table}" WHERE company_id = $1`, [
        companyId,
      ]);
      if (n > 0) counts[table] = n;
    }
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM companies WHERE id = $1`, [companyId]);
    if (n > 0) counts.companies = n;
    return counts;
  }

  beforeAll(async () => {
    t = await startAdminApp({ RETELL_API_KEY: RETELL_KEY, COMPANY_RETENTION_DAYS: '30' });
    a = await tenant(t, 'salon-a', A_LINE);
    b = await tenant(t, 'salon-b', B_LINE);
    await book(t, a, a.staff.mehmet, 'herrenhaarschnitt', friday('10:00'));
    await book(t, b, b.staff.mehmet, 'herrenhaarschnitt', friday('10:00'));
    await q(
      `INSERT INTO calls (id, company_id, from_number, to_number, status)
       VALUES ('call_a_old', $1, '+4915112345678', $2, 'ended')`,
      [a.companyId, A_LINE],
    );
    await q(
      `INSERT INTO call_function_traces (call_id, function_name, latency_ms, outcome)
       VALUES ('call_a_old', 'get_current_context', 3, 'OK')`,
    );
    expect((await callSalon(A_LINE)).code).not.toBe('RETELL.UNKNOWN_SALON');
  }, 60_000);
  afterAll(() => t?.close());

  it('only the bootstrap key may close a company', async () => {
    const own = await t.http.post(`/api/admin/companies/${a.companyId}/close`).set(as(a.key));
    expect(own.status).toBe(403);
    await t.http.get(`/api/admin/companies/${a.companyId}/staff`).set(as(a.key)).expect(200);
  });

  it('closing stops its numbers and its keys at once, and keeps its data', async () => {
    const res = await t.http
      .post(`/api/admin/companies/${a.companyId}/close`)
      .set(asBootstrap)
      .expect(200);
    expect(res.body).toEqual({
      id: a.companyId,
      closedAt: FIXED_NOW,
      eraseAfter: new Date(Date.parse(FIXED_NOW) + 30 * DAY_MS).toISOString(),
      revokedKeys: 1,
    });

    expect((await callSalon(A_LINE)).code).toBe('RETELL.UNKNOWN_SALON');
    expect((await callSalon(B_LINE)).code).not.toBe('RETELL.UNKNOWN_SALON');
    const refused = await t.http.get(`/api/admin/companies/${a.companyId}/staff`).set(as(a.key));
    expect(refused.status).toBe(401);
    await t.http.get(`/api/admin/companies/${b.companyId}/staff`).set(as(b.key)).expect(200);
    // A key minted for it afterwards does not work either.
    const minted = await t.http
      .post(`/api/admin/companies/${a.companyId}/api-keys`)
      .set(asBootstrap)
      .send({ name: 'after closing' })
      .expect(201);
    const late = await t.http
      .get(`/api/admin/companies/${a.companyId}/staff`)
      .set(as(minted.body.key));
    expect(late.status).toBe(401);

    // Kept for the retention: the operator can still read (and export) it.
    await t.http
      .get(`/api/admin/companies/${a.companyId}/appointments`)
      .set(asBootstrap)
      .expect(200);
    expect(await rowsOf(a.companyId)).toMatchObject({ companies: 1, appointments: 1, calls: 1 });

    const again = await t.http
      .post(`/api/admin/companies/${a.companyId}/close`)
      .set(asBootstrap)
      .expect(200);
    expect(again.body).toMatchObject({ closedAt: FIXED_NOW, revokedKeys: 0 });
    const [{ n }] = await q(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'company.closed'`,
    );
    expect(n).toBe(1);
  });

  it('the scheduled sweep erases it once the retention has passed, and nothing else', async () => {
    const clock = new MovableClock(new Date(Date.parse(FIXED_NOW) + 29 * DAY_MS));
    const sweeper = new ClosedCompanySweeper(t.app.get(UNIT_OF_WORK), clock, {
      days: 30,
      sweepIntervalMs: 0,
    });
    expect(await sweeper.sweep()).toEqual([]);
    expect(await rowsOf(a.companyId)).toMatchObject({ companies: 1 });

    clock.set(new Date(Date.parse(FIXED_NOW) + 30 * DAY_MS + 1000));
    expect(await sweeper.sweep()).toEqual([a.companyId]);
    expect(await rowsOf(a.companyId)).toEqual({});
    const [{ n: traces }] = await q(
      `SELECT count(*)::int AS n FROM call_function_traces WHERE call_id = 'call_a_old'`,
    );
    expect(traces).toBe(0);
    const erased = await q(
      `SELECT company_id, actor, details FROM audit_log WHERE action = 'company.erased'
        AND entity_id = $1`,
      [a.companyId],
    );
    expect(erased).toEqual([
      { company_id: null, actor: 'system:retention', details: { retentionDays: 30 } },
    ]);

    expect(await rowsOf(b.companyId)).toMatchObject({ companies: 1, appointments: 1 });
    expect(await sweeper.sweep()).toEqual([]);
  });
});
