import { AdminTestApp, startAdminApp } from './admin-app';
import { as, asBootstrap, Tenant, tenant } from './admin-world';

/** The sync dashboard reads appointments and the audit entries the calendar sync writes. */
describe('admin sync dashboard', () => {
  let t: AdminTestApp;
  let a: Tenant;
  let b: Tenant;
  const review: string[] = [];
  let synced: string;
  let cancelledInReview: string;

  const seed = async (state: string, status = 'scheduled', error: string | null = null) => {
    const n = (await t.ds.query(`SELECT count(*)::int AS n FROM appointments`))[0].n as number;
    const start = new Date(Date.parse('2026-12-01T08:00:00Z') + n * 3_600_000);
    const [{ id }] = await t.ds.query(
      `INSERT INTO appointments(company_id, branch_id, staff_id, service_id, customer_id, starts_at,
                                ends_at, status, source, sync_state, last_sync_error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'voice', $9, $10) RETURNING id`,
      [
        a.companyId,
        a.branchId,
        a.staff.anna,
        a.services.foehnen,
        a.customerId,
        start,
        new Date(start.getTime() + 1_800_000),
        status,
        state,
        error,
      ],
    );
    return id as string;
  };
  const audit = (action: string, details: object, at: string, entityId: string | null = null) =>
    t.ds.query(
      `INSERT INTO audit_log(company_id, actor, action, entity, entity_id, details, at)
       VALUES ($1, 'calendar-sync', $2, 'appointment', $3, $4, $5)`,
      [a.companyId, action, entityId, JSON.stringify(details), at],
    );

  beforeAll(async () => {
    t = await startAdminApp();
    a = await tenant(t, 'salon-a', '+4930111111');
    b = await tenant(t, 'salon-b', '+4930222222');
    for (let i = 0; i < 6; i++) synced = await seed('synced');
    await seed('failed', 'scheduled', 'timeout');
    review.push(await seed('manual_review', 'scheduled', 'Cal.com answered 400 twice'));
    review.push(await seed('manual_review', 'scheduled', 'booking placed at another time'));
    cancelledInReview = await seed('manual_review', 'cancelled', 'cancel failed');
    await seed('pending');
    for (let i = 0; i < 3; i++) await seed('not_required');
    await audit('calendar_sync.synced', { verifiedAfterError: 1 }, '2026-11-26T10:00:00Z');
    await audit('calendar_sync.synced', { verifiedAfterError: 2 }, '2026-11-26T10:01:00Z');
    await audit('calendar_sync.synced', { verifiedAfterError: 'x' }, '2026-11-26T10:02:00Z');
    for (let i = 0; i < 3; i++)
      await audit('calendar_sync.synced', { verifiedAfterError: 0 }, '2026-11-26T10:03:00Z');
    await audit('calendar_sync.synced', {}, '2026-11-26T10:04:00Z');
    for (let i = 0; i < 3; i++) {
      await audit(
        'calendar_sync.attempt_failed',
        { reason: `HTTP 502 #${i}` },
        `2026-11-26T11:0${i}:00Z`,
        review[0],
      );
    }
    await audit(
      'calendar_sync.manual_review',
      { reason: 'gave up' },
      '2026-11-26T12:00:00Z',
      review[0],
    );
    await audit(
      'calendar_sync.manual_review',
      { reason: 'moved by Cal.com' },
      '2026-11-26T12:05:00Z',
      review[1],
    );
  }, 60_000);
  afterAll(() => t?.close());

  it('computes success and false-negative rates per company', async () => {
    const res = await t.http.get('/api/admin/sync/summary').set(asBootstrap).expect(200);
    const ofA = res.body.companies.find((c: { companyId: string }) => c.companyId === a.companyId);
    expect(ofA).toMatchObject({
      counts: { synced: 6, failed: 1, manual_review: 3, pending: 1, not_required: 3 },
      successRate: 0.6,
      verifiedAfterError: 2,
      errors: 7,
      falseNegativeRate: 0.2857,
    });
    const ofB = res.body.companies.find((c: { companyId: string }) => c.companyId === b.companyId);
    expect(ofB).toMatchObject({ successRate: null, falseNegativeRate: null, errors: 0 });
  });

  it('shows a company key its own company only', async () => {
    const res = await t.http.get('/api/admin/sync/summary').set(as(b.key)).expect(200);
    expect(res.body.companies.map((c: { companyId: string }) => c.companyId)).toEqual([
      b.companyId,
    ]);
    await t.http.get(`/api/admin/sync/summary?companyId=${a.companyId}`).set(as(b.key)).expect(404);
    const one = await t.http
      .get(`/api/admin/sync/summary?companyId=${a.companyId}`)
      .set(asBootstrap)
      .expect(200);
    expect(one.body.companies).toHaveLength(1);
  });

  it('lists the manual-review queue with its reasons, paginated', async () => {
    const C = `/api/admin/companies/${a.companyId}`;
    const page = await t.http.get(`${C}/sync/manual-review?pageSize=2`).set(as(a.key)).expect(200);
    expect(page.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    const all = await t.http.get(`${C}/sync/manual-review`).set(as(a.key)).expect(200);
    expect(all.body.items.map((i: { lastSyncError: string }) => i.lastSyncError).sort()).toEqual([
      'Cal.com answered 400 twice',
      'booking placed at another time',
      'cancel failed',
    ]);
    const none = await t.http
      .get(`/api/admin/companies/${b.companyId}/sync/manual-review`)
      .set(as(b.key))
      .expect(200);
    expect(none.body.total).toBe(0);
  });

  it('lists recent failures with their reasons, newest first', async () => {
    const res = await t.http
      .get(`/api/admin/companies/${a.companyId}/sync/failures`)
      .set(as(a.key))
      .expect(200);
    expect(res.body.total).toBe(5);
    expect(res.body.items[0]).toMatchObject({
      action: 'calendar_sync.manual_review',
      reason: 'moved by Cal.com',
      appointmentId: review[1],
    });
  });

  it('retries: back to pending with the right outbox action, audited', async () => {
    const C = `/api/admin/companies/${a.companyId}/sync/manual-review`;
    const res = await t.http.post(`${C}/${review[0]}/retry`).set(as(a.key)).expect(200);
    expect(res.body.syncState).toBe('pending');
    const cancel = await t.http.post(`${C}/${cancelledInReview}/retry`).set(as(a.key)).expect(200);
    expect(cancel.body.status).toBe('cancelled');
    const outbox = await t.ds.query(
      `SELECT appointment_id, action FROM sync_outbox WHERE appointment_id = ANY($1::uuid[]) ORDER BY id`,
      [[review[0], cancelledInReview]],
    );
    expect(outbox).toEqual([
      { appointment_id: review[0], action: 'create' },
      { appointment_id: cancelledInReview, action: 'cancel' },
    ]);
    const [{ actor }] = await t.ds.query(
      `SELECT actor FROM audit_log WHERE action = 'calendar_sync.retry_requested' AND entity_id = $1`,
      [review[0]],
    );
    expect(actor).toBe(`admin:${a.keyId}`);
    const notInReview = await t.http.post(`${C}/${synced}/retry`).set(as(a.key)).expect(409);
    expect(notInReview.body.code).toBe('SYNC.NOT_IN_REVIEW');
  });

  it('resolves as not required with a note, audited; a second resolve is refused', async () => {
    const C = `/api/admin/companies/${a.companyId}/sync/manual-review`;
    const res = await t.http
      .post(`${C}/${review[1]}/resolve`)
      .set(as(a.key))
      .send({ resolution: 'not_required', note: 'customer <b>moved</b> it by phone' })
      .expect(200);
    expect(res.body).toMatchObject({ syncState: 'not_required', lastSyncError: null });
    const [{ details }] = await t.ds.query(
      `SELECT details FROM audit_log WHERE action = 'calendar_sync.resolved' AND entity_id = $1`,
      [review[1]],
    );
    expect(details).toEqual({ resolution: 'not_required', note: 'customer moved it by phone' });
    await t.http
      .post(`${C}/${review[1]}/resolve`)
      .set(as(a.key))
      .send({ resolution: 'synced', note: 'again' })
      .expect(409);
  });

  it('stores a resolve note without phone numbers or e-mails, and never longer than 500', async () => {
    const C = `/api/admin/companies/${a.companyId}/sync/manual-review`;
    await t.ds.query(`UPDATE appointments SET sync_state = 'manual_review' WHERE id = $1`, [
      synced,
    ]);
    const head =
      'called +49 151 2345-6789 and wrote to kunde.mueller@example.org, found on 27.11. at 10:00';
    // Each masked number grows by three characters, so the scrubbed note outgrows the cap.
    const note = (head + ' tel 7654321'.repeat(40)).slice(0, 500);
    await t.http
      .post(`${C}/${synced}/resolve`)
      .set(as(a.key))
      .send({ resolution: 'synced', note })
      .expect(200);
    const [{ details }] = await t.ds.query(
      `SELECT details FROM audit_log WHERE action = 'calendar_sync.resolved' AND entity_id = $1`,
      [synced],
    );
    const stored: string = details.note;
    expect(stored).toMatch(
      /^called \[redacted\] and wrote to \[redacted\], found on 27\.11\. at 10:00 tel \[redacted\] tel \[redacted\]/,
    );
    expect(stored).not.toMatch(/2345|6789|7654321|mueller|example\.org/);
    expect(stored).toHaveLength(500);
  });
});
