import { AdminTestApp, FIXED_NOW, startAdminApp } from './admin-app';
import { as, asBootstrap, Tenant, tenant } from './admin-world';

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(Date.parse(FIXED_NOW) - n * DAY).toISOString();
const APPOINTMENT = '11111111-2222-4333-8444-555555555555';

interface Entry {
  id: string;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  details: Record<string, unknown>;
}

/** The audit log read through the admin API: filters, paging, one company at a time. */
describe('admin audit log', () => {
  let t: AdminTestApp;
  let a: Tenant;
  let b: Tenant;

  const write = (companyId: string, at: string, actor: string, action: string, details = {}) =>
    t.ds.query(
      `INSERT INTO audit_log(company_id, actor, action, entity, entity_id, details, at)
       VALUES ($1, $2, $3, 'appointment', $4, $5, $6)`,
      [companyId, actor, action, APPOINTMENT, JSON.stringify(details), at],
    );

  beforeAll(async () => {
    t = await startAdminApp();
    a = await tenant(t, 'salon-a', '+4930111111');
    b = await tenant(t, 'salon-b', '+4930222222');
    // What the phone path and the calendar sync write, on days before "now".
    await write(a.companyId, daysAgo(3), 'call:call_1', 'appointment.booked');
    await write(a.companyId, daysAgo(2), 'calendar-sync', 'calendar_sync.synced');
    await write(a.companyId, daysAgo(1), 'calendar-sync', 'calendar_sync.attempt_failed', {
      attempt: 1,
      reason: 'Cal.com: attendee anna.muster@example.org, +49 176 52340088 exists',
      staffId: '00000000-0000-4000-8000-000000000000',
    });
    await write(a.companyId, daysAgo(1), 'calendar-sync', 'calendarXsync.other');
    await write(b.companyId, daysAgo(1), 'call:call_2', 'appointment.booked');
    // Three entries of one instant whose ids cross from three digits to four.
    await t.ds.query(`SELECT setval('audit_log_id_seq', 998)`);
    for (let i = 0; i < 3; i++)
      await write(a.companyId, daysAgo(5), 'reminder', 'appointment.reminded');
  }, 60_000);
  afterAll(() => t?.close());

  const read = (who: string | Tenant, query = '') => {
    const companyId = typeof who === 'string' ? who : who.companyId;
    const key = typeof who === 'string' ? asBootstrap : as(who.key);
    return t.http.get(`/api/admin/companies/${companyId}/audit-log${query}`).set(key);
  };
  const actions = (body: { items: Entry[] }) => body.items.map((e) => e.action);

  it("lists the company's entries newest first, paginated, with what the API itself wrote", async () => {
    const all = await read(a, '?pageSize=100').expect(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 100 });
    const items: Entry[] = all.body.items;
    expect(all.body.total).toBe(items.length);
    const times = items.map((e) => Date.parse(e.at));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: 'admin:bootstrap',
          action: 'admin_key.created',
          entity: 'admin_api_key',
          entityId: a.keyId,
        }),
        expect.objectContaining({
          actor: `admin:${a.keyId}`,
          action: 'customer.created',
          entity: 'customer',
          entityId: a.customerId,
        }),
      ]),
    );
    expect(JSON.stringify(items)).not.toContain(b.companyId);

    const first = await read(a, '?pageSize=2').expect(200);
    const second = await read(a, '?pageSize=2&page=2').expect(200);
    expect(first.body.total).toBe(all.body.total);
    expect([...first.body.items, ...second.body.items]).toEqual(items.slice(0, 4));
    const beyond = await read(a, '?pageSize=100&page=50').expect(200);
    expect(beyond.body).toMatchObject({ items: [], total: all.body.total });
  });

  it('orders entries of one instant by id, as numbers', async () => {
    const res = await read(a, '?action=appointment.reminded').expect(200);
    expect(res.body.items.map((e: Entry) => e.id)).toEqual(['1001', '1000', '999']);
  });

  it('filters by time range (from inclusive, to exclusive)', async () => {
    const res = await read(
      a,
      `?from=${encodeURIComponent(daysAgo(3))}&to=${encodeURIComponent(daysAgo(1))}`,
    ).expect(200);
    expect(actions(res.body)).toEqual(['calendar_sync.synced', 'appointment.booked']);
    expect(res.body.total).toBe(2);
  });

  it('filters by actor and by action, exactly or by prefix', async () => {
    expect(actions((await read(a, '?actor=call:call_1').expect(200)).body)).toEqual([
      'appointment.booked',
    ]);
    const admins = (await read(a, '?actor=admin:*').expect(200)).body.items as Entry[];
    expect(admins.length).toBeGreaterThanOrEqual(2);
    expect(admins.every((e) => e.actor.startsWith('admin:'))).toBe(true);
    expect(actions((await read(a, '?action=calendar_sync.synced').expect(200)).body)).toEqual([
      'calendar_sync.synced',
    ]);
    // `_` is a plain character here, not a wildcard: calendarXsync stays out.
    const sync = (await read(a, '?action=calendar_sync.*').expect(200)).body;
    expect(actions(sync).sort()).toEqual(['calendar_sync.attempt_failed', 'calendar_sync.synced']);
    expect((await read(a, '?action=calendar_sync').expect(200)).body.total).toBe(0);
  });

  it('filters by object, and combines filters', async () => {
    const key = await read(a, `?entity=admin_api_key&entityId=${a.keyId}`).expect(200);
    expect(actions(key.body)).toEqual(['admin_key.created']);
    const combined = await read(
      a,
      `?entity=appointment&entityId=${APPOINTMENT}&actor=calendar-sync&action=calendar_sync.*` +
        `&from=${encodeURIComponent(daysAgo(1))}`,
    ).expect(200);
    expect(actions(combined.body)).toEqual(['calendar_sync.attempt_failed']);
  });

  it('masks e-mails and numbers in texts, keeps ids, and adds no personal data', async () => {
    const res = await read(a, '?action=calendar_sync.attempt_failed').expect(200);
    const [entry] = res.body.items as Entry[];
    expect(entry.details).toEqual({
      attempt: 1,
      reason: 'Cal.com: attendee [redacted], [redacted] exists',
      staffId: '00000000-0000-4000-8000-000000000000',
    });
    const all = await read(a, '?pageSize=100').expect(200);
    expect(JSON.stringify(all.body)).not.toMatch(/Petra|Schmidt|4915112345678|example\.org/);
  });

  it("keeps another company's log away from a company key (404); the bootstrap key reads any", async () => {
    const across = await t.http.get(`/api/admin/companies/${a.companyId}/audit-log`).set(as(b.key));
    expect(across.status).toBe(404);
    expect(across.body.code).toBe('COMPANY.NOT_FOUND');
    const own = await read(b, '?pageSize=100').expect(200);
    expect(JSON.stringify(own.body)).not.toContain('call_1');
    expect(JSON.stringify(own.body)).not.toContain(a.keyId);
    for (const who of [a, b]) {
      const res = await read(who.companyId, '?action=appointment.booked').expect(200);
      expect(res.body.total).toBe(1);
    }
    const missing = await read('00000000-0000-4000-8000-00000000dead');
    expect(missing.status).toBe(404);
  });

  it('answers bad filters with 400 naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['from=yesterday', 'from'],
      ['to=2026-11-20T10:00:00', 'to'],
      ['actor=admin%20bootstrap', 'actor'],
      ['action=DROP%20TABLE', 'action'],
      ['action=*', 'action'],
      ['entity=Appointment!', 'entity'],
      [`entityId=${'x'.repeat(129)}`, 'entityId'],
      ['actor=a&actor=b', 'actor'],
      [`from=${encodeURIComponent(daysAgo(1))}&to=${encodeURIComponent(daysAgo(2))}`, 'to'],
      ['companyId=x', 'companyId'],
    ];
    for (const [query, field] of cases) {
      const res = await read(a, `?${query}`);
      if (res.status !== 400) throw new Error(`${query} → ${res.status}`);
      expect(res.body.code).toBe('VALIDATION.FAILED');
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
    }
  });
});
