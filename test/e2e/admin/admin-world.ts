import { AdminTestApp, BOOTSTRAP_KEY, demoSalonFile } from './admin-app';

/** One company imported from the demo salon, with a key and a customer. */
export interface Tenant {
  companyId: string;
  key: string;
  keyId: string;
  branchId: string;
  staff: { anna: string; mehmet: string; lena: string };
  services: Record<string, string>;
  customerId: string;
}

export const as = (key: string) => ({ 'x-api-key': key });
export const asBootstrap = as(BOOTSTRAP_KEY);

/** Friday 27 Nov 2026 in Berlin (UTC+1), HH:mm local. */
export const friday = (hhmm: string) => `2026-11-27T${hhmm}:00+01:00`;

export async function tenant(t: AdminTestApp, slug: string, phone: string): Promise<Tenant> {
  const imported = await t.http
    .post('/api/admin/salon-files')
    .set(asBootstrap)
    .send(demoSalonFile(slug, phone))
    .expect(201);
  const { companyId, branchIds, serviceIds, staffIds } = imported.body;
  const key = await t.http
    .post(`/api/admin/companies/${companyId}/api-keys`)
    .set(asBootstrap)
    .send({ name: 'front desk' })
    .expect(201);
  const customer = await t.http
    .post(`/api/admin/companies/${companyId}/customers`)
    .set(as(key.body.key))
    .send({ name: 'Petra Schmidt', phone: '+4915112345678', recognitionConsent: true })
    .expect(201);
  return {
    companyId,
    key: key.body.key,
    keyId: key.body.id,
    branchId: branchIds.mitte,
    staff: { anna: staffIds.anna, mehmet: staffIds.mehmet, lena: staffIds.lena },
    services: serviceIds,
    customerId: customer.body.id,
  };
}

/** Books through the admin API and answers the new appointment's id. */
export async function book(
  t: AdminTestApp,
  who: Tenant,
  staffId: string,
  serviceKey: string,
  start: string,
): Promise<string> {
  const res = await t.http
    .post(`/api/admin/companies/${who.companyId}/appointments`)
    .set(as(who.key))
    .send({ staffId, serviceId: who.services[serviceKey], customerId: who.customerId, start });
  if (res.status !== 201) throw new Error(`booking refused: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Waits until the in-process calendar sync has handled every booking change so far. */
export async function settle(t: AdminTestApp): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const [{ n }] = await t.ds.query(
      `SELECT (SELECT count(*) FROM appointments WHERE sync_state = 'pending')
            + (SELECT count(*) FROM sync_outbox WHERE enqueued_at IS NULL) AS n`,
    );
    if (Number(n) === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('calendar sync did not settle');
}

/** Puts an appointment into the manual-review queue as the sync would. */
export async function sendToReview(t: AdminTestApp, id: string, reason: string): Promise<void> {
  await t.ds.query(
    `UPDATE appointments SET sync_state = 'manual_review', sync_attempts = 3, last_sync_error = $2
      WHERE id = $1`,
    [id, reason],
  );
}
