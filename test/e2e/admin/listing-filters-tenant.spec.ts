import { randomUUID } from 'node:crypto';
import { AdminTestApp, startAdminApp } from './admin-app';
import { as, book, friday, Tenant, tenant } from './admin-world';

/**
 * A listing filtered by an id answers 404 when the id is not the caller's company's, as every
 * other route does: an empty 200 would tell a hostile tenant nothing, but it would tell an
 * honest one that a typo'd stylist simply has no appointments.
 */
describe('listing filters by another company’s ids', () => {
  let t: AdminTestApp;
  let a: Tenant;
  let hostile: Tenant;
  const list = (who: Tenant, path: string, query: Record<string, string>) =>
    t.http.get(`/api/admin/companies/${who.companyId}/${path}`).set(as(who.key)).query(query);

  beforeAll(async () => {
    t = await startAdminApp();
    a = await tenant(t, 'salon-a', '+4930111111');
    hostile = await tenant(t, 'salon-h', '+4930222222');
    await book(t, a, a.staff.mehmet, 'herrenhaarschnitt', friday('10:00'));
    await t.ds.query(
      `INSERT INTO caller_messages(company_id, branch_id, call_id, kind, body, mail_status, created_at)
       VALUES ($1, $2, 'call_a_msg', 'message', 'Bitte zurückrufen', 'sent', $3)`,
      [a.companyId, a.branchId, friday('09:00')],
    );
  }, 60_000);
  afterAll(() => t?.close());

  it('appointments by the own stylist: listed', async () => {
    const res = await list(a, 'appointments', { staffId: a.staff.mehmet }).expect(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].staffId).toBe(a.staff.mehmet);
  });

  it.each([
    ['another company’s stylist', () => a.staff.mehmet],
    ['a well-formed id of nobody', () => randomUUID()],
  ])('appointments by %s: 404 STAFF.NOT_FOUND', async (_, staffId) => {
    const res = await list(hostile, 'appointments', { staffId: staffId() }).expect(404);
    expect(res.body).toEqual({ code: 'STAFF.NOT_FOUND', message: expect.any(String) });
  });

  it('messages by the own branch: listed', async () => {
    const res = await list(a, 'messages', { branchId: a.branchId }).expect(200);
    expect(res.body.items.map((m: { callId: string }) => m.callId)).toEqual(['call_a_msg']);
  });

  it.each([
    ['another company’s branch', () => a.branchId],
    ['a well-formed id of nobody', () => randomUUID()],
  ])('messages by %s: 404 BRANCH.NOT_FOUND', async (_, branchId) => {
    const res = await list(hostile, 'messages', { branchId: branchId() }).expect(404);
    expect(res.body).toEqual({ code: 'BRANCH.NOT_FOUND', message: expect.any(String) });
  });

  it('a malformed id stays a 400', async () => {
    await list(hostile, 'appointments', { staffId: 'not-a-uuid' }).expect(400);
    await list(hostile, 'messages', { branchId: "' OR 1=1 --" }).expect(400);
  });
});
