import { AdminTestApp } from './admin-app';
import { as, asBootstrap, book, friday, sendToReview, settle, tenant } from './admin-world';
import { World } from './route-table';

/** Two companies and the objects of A that the route table names. */
export async function buildWorld(t: AdminTestApp): Promise<World> {
  const a = await tenant(t, 'salon-a', '+4930111111');
  const b = await tenant(t, 'salon-b', '+4930222222');
  const A = `/api/admin/companies/${a.companyId}`;
  const key = async (name: string) =>
    (await t.http.post(`${A}/api-keys`).set(asBootstrap).send({ name }).expect(201)).body;
  const spare = await key('spare');
  const revoked = await key('revoked');
  await t.http.delete(`${A}/api-keys/${revoked.id}`).set(asBootstrap).expect(200);
  const dup = await t.http
    .post(`${A}/staff`)
    .set(as(a.key))
    .send({ branchId: a.branchId, name: '  ANNA ', serviceIds: [a.services.foehnen] })
    .expect(201);
  const credential = await t.http
    .post(`${A}/calcom/credentials`)
    .set(as(a.key))
    .send({
      label: 'main',
      apiKey: 'cal_live_secret_0123456789',
      webhookSecret: 'whsec_0123456789',
    })
    .expect(201);
  const mapping = await t.http
    .post(`${A}/calcom/mappings`)
    .set(as(a.key))
    .send({
      credentialId: credential.body.id,
      serviceId: a.services.herrenhaarschnitt,
      staffId: a.staff.mehmet,
      eventTypeId: 1001,
    })
    .expect(201);
  const spareCredential = await t.http
    .post(`${A}/calcom/credentials`)
    .set(as(a.key))
    .send({ label: 'old', apiKey: 'cal_live_leaked_0123456789' })
    .expect(201);
  const toErase = await t.http
    .post(`${A}/customers`)
    .set(as(a.key))
    .send({ name: 'Erika Gelöscht', phone: '+4915277777777', email: 'erika@example.org' })
    .expect(201);
  const cancelId = await book(t, a, a.staff.mehmet, 'herrenhaarschnitt', friday('10:00'));
  const moveId = await book(t, a, a.staff.mehmet, 'herrenhaarschnitt', friday('11:00'));
  const retryId = await book(t, a, a.staff.lena, 'damenhaarschnitt', friday('10:00'));
  const resolveId = await book(t, a, a.staff.lena, 'damenhaarschnitt', friday('12:00'));
  const [message] = await t.ds.query(
    `INSERT INTO caller_messages(company_id, branch_id, call_id, kind, body, created_at, mail_status)
     VALUES ($1, $2, 'call_world', 'message', 'Bitte zurückrufen', now(), 'not_configured')
     RETURNING id`,
    [a.companyId, a.branchId],
  );
  await settle(t);
  await sendToReview(t, retryId, 'Cal.com answered 400');
  await sendToReview(t, resolveId, 'Cal.com timed out');
  return {
    a,
    b,
    ids: {
      spareKeyId: spare.id,
      revokedKey: revoked.key,
      dupId: dup.body.id,
      branchId: a.branchId,
      staffId: a.staff.anna,
      serviceId: a.services.herrenhaarschnitt,
      customerId: a.customerId,
      erasedCustomerId: toErase.body.id,
      credentialId: credential.body.id,
      spareCredentialId: spareCredential.body.id,
      mappingId: mapping.body.id,
      cancelId,
      moveId,
      retryId,
      resolveId,
      messageId: message.id,
    },
  };
}
