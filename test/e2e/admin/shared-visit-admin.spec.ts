import { TypeOrmSalonCatalog } from '../../../src/adapters/outbound/persistence/repositories/typeorm-salon-catalog';
import { portsFor } from '../../../src/adapters/outbound/persistence/typeorm-unit-of-work';
import { Appointment } from '../../../src/domain/appointment/appointment';
import { planVisit } from '../../../src/domain/salon/visit';
import { AdminTestApp, FIXED_NOW, startAdminApp } from './admin-app';
import { as, friday, Tenant, tenant } from './admin-world';

/**
 * A visit shared by stylists in the admin API: each phase shows its stylist, a merge of one of
 * them moves their steps, a move shares the visit anew, a cancel frees everyone; another
 * company sees none of it.
 */
describe('admin API: a visit shared by stylists', () => {
  let t: AdminTestApp;
  let a: Tenant;
  let b: Tenant;
  let C: string;

  beforeAll(async () => {
    t = await startAdminApp();
    a = await tenant(t, 'salon-a', '+4930111111');
    b = await tenant(t, 'salon-b', '+4930222222');
    C = `/api/admin/companies/${a.companyId}`;
    await t.ds.query(`UPDATE branches SET split_visits = true WHERE id = $1`, [a.branchId]);
  }, 60_000);
  afterAll(() => t?.close());

  /** Herrenhaarschnitt by Mehmet, then Färben by `colourist`, written as a booking would be. */
  const shared = (colourist: string, start: Date): Promise<string> =>
    sharedVisit(
      [
        ['herrenhaarschnitt', a.staff.mehmet],
        ['faerben', colourist],
      ],
      start,
    );
  /** A visit of the services named, each by its stylist, written as a booking would be. */
  const sharedVisit = async (parts: Array<[string, string]>, start: Date): Promise<string> => {
    const salon = (await new TypeOrmSalonCatalog(t.ds).branchContext(a.branchId))!;
    const services = parts.map(([key]) => salon.services.find((s) => s.id === a.services[key])!);
    const visit = planVisit(services);
    if (!visit.ok) throw new Error(visit.error.detail);
    const appointment = Appointment.create({
      service: visit.value,
      staffId: parts[0][1],
      assignment: parts.map(([, staffId], i) => ({ serviceId: services[i].id, staffId })),
      customerId: a.customerId,
      start,
      source: 'admin',
      branchId: a.branchId,
    });
    const added = await portsFor(t.ds.manager).appointments.add(
      { companyId: a.companyId },
      appointment,
      new Date(FIXED_NOW),
    );
    if (!added.ok) throw new Error('taken in set-up');
    return appointment.id;
  };
  const blockStylists = async (id: string) =>
    (
      await t.ds.query(
        `SELECT staff_id FROM busy_blocks WHERE appointment_id = $1 AND active ORDER BY lower(during)`,
        [id],
      )
    ).map((r: { staff_id: string }) => r.staff_id);
  const phaseStylists = (body: { phases: Array<{ staffId: string; staffBusy: boolean }> }) =>
    body.phases.filter((p) => p.staffBusy).map((p) => p.staffId);

  it('shows each phase with its stylist and service; another company gets 404', async () => {
    const id = await shared(a.staff.lena, new Date(friday('09:00')));
    const got = await t.http.get(`${C}/appointments/${id}`).set(as(a.key)).expect(200);
    expect(got.body.staffId).toBe(a.staff.mehmet);
    expect(phaseStylists(got.body)).toEqual([a.staff.mehmet, a.staff.lena, a.staff.lena]);
    expect(got.body.phases.map((p: { serviceId: string }) => p.serviceId)).toEqual([
      a.services.herrenhaarschnitt,
      a.services.faerben,
      a.services.faerben,
      a.services.faerben,
    ]);
    // Listed for each of its stylists, with every phase.
    for (const staffId of [a.staff.mehmet, a.staff.lena]) {
      const listed = await t.http
        .get(`${C}/appointments?staffId=${staffId}`)
        .set(as(a.key))
        .expect(200);
      const found = listed.body.items.find((x: { id: string }) => x.id === id);
      expect(found?.phases).toHaveLength(4);
    }
    const annas = await t.http
      .get(`${C}/appointments?staffId=${a.staff.anna}`)
      .set(as(a.key))
      .expect(200);
    expect(annas.body.items.map((x: { id: string }) => x.id)).not.toContain(id);
    await t.http
      .get(`/api/admin/companies/${b.companyId}/appointments/${id}`)
      .set(as(b.key))
      .expect(404);
    await t.http.get(`${C}/appointments/${id}`).set(as(b.key)).expect(404);
    await t.http.post(`${C}/appointments/${id}/cancel`).set(as(b.key)).expect(404);
    expect(await blockStylists(id)).toEqual([a.staff.mehmet, a.staff.lena, a.staff.lena]);
  });

  it('a merge moves the merged stylist’s steps of a shared visit to the kept one', async () => {
    const dup = (
      await t.http
        .post(`${C}/staff`)
        .set(as(a.key))
        .send({ branchId: a.branchId, name: 'Lena B.', serviceIds: [a.services.faerben] })
        .expect(201)
    ).body.id as string;
    const id = await shared(dup, new Date(friday('14:00')));
    const before = await t.http.get(`${C}/appointments/${id}`).set(as(a.key)).expect(200);

    // Another company's key cannot merge them.
    await t.http
      .post(`/api/admin/companies/${b.companyId}/staff/merge`)
      .set(as(b.key))
      .send({ keepId: a.staff.lena, mergeId: dup })
      .expect((res) => expect([400, 404]).toContain(res.status));
    expect(await blockStylists(id)).toEqual([a.staff.mehmet, dup, dup]);

    const merged = await t.http
      .post(`${C}/staff/merge`)
      .set(as(a.key))
      .send({ keepId: a.staff.lena, mergeId: dup })
      .expect(200);
    expect(merged.body.moved.appointments).toBe(1);
    const after = await t.http.get(`${C}/appointments/${id}`).set(as(a.key)).expect(200);
    expect(after.body.staffId).toBe(a.staff.mehmet);
    expect(phaseStylists(after.body)).toEqual([a.staff.mehmet, a.staff.lena, a.staff.lena]);
    // Fresh phase ids: the sync books the moved steps anew under the kept stylist.
    expect(after.body.phases[0].id).not.toBe(before.body.phases[0].id);
    expect(await blockStylists(id)).toEqual([a.staff.mehmet, a.staff.lena, a.staff.lena]);
  });

  it('a move shares the visit anew; a cancel frees every stylist', async () => {
    const id = await shared(a.staff.lena, new Date(friday('11:00')));
    // Saturday 9:00 Anna is free and does both: one stylist again.
    const moved = await t.http
      .post(`${C}/appointments/${id}/move`)
      .set(as(a.key))
      .send({ start: '2026-11-28T09:00:00+01:00' })
      .expect(200);
    expect(moved.body.staffId).toBe(a.staff.anna);
    expect(new Set(phaseStylists(moved.body))).toEqual(new Set([a.staff.anna]));
    expect(await blockStylists(id)).toEqual([a.staff.anna, a.staff.anna, a.staff.anna]);

    await t.http.post(`${C}/appointments/${id}/cancel`).set(as(a.key)).expect(200);
    expect(await blockStylists(id)).toEqual([]);
  });

  it('a visit moved to one stylist is shared again when moved where that one is off', async () => {
    // Tuesday 1 December 15:00: Lena (who does both) is off, so Anna colours, Mehmet cuts.
    const tuesday = '2026-12-01T15:00:00+01:00';
    const id = await sharedVisit(
      [
        ['faerben', a.staff.anna],
        ['kinderhaarschnitt', a.staff.mehmet],
      ],
      new Date(tuesday),
    );
    // Thursday 3 December 9:00: Mehmet is not at work yet, Lena does it all.
    const thursday = await t.http
      .post(`${C}/appointments/${id}/move`)
      .set(as(a.key))
      .send({ start: '2026-12-03T08:00:00Z' })
      .expect(200);
    expect(new Set(phaseStylists(thursday.body))).toEqual(new Set([a.staff.lena]));

    const back = await t.http
      .post(`${C}/appointments/${id}/move`)
      .set(as(a.key))
      .send({ start: tuesday })
      .expect(200);
    expect(back.body.staffId).toBe(a.staff.anna);
    const stylists = phaseStylists(back.body);
    expect(new Set(stylists)).toEqual(new Set([a.staff.anna, a.staff.mehmet]));
    expect(await blockStylists(id)).toEqual(stylists);
    // Another company cannot move it.
    await t.http
      .post(`/api/admin/companies/${b.companyId}/appointments/${id}/move`)
      .set(as(b.key))
      .send({ start: '2026-12-03T08:00:00Z' })
      .expect(404);
  });

  it('a refused move of a visit is answered in English', async () => {
    const id = await shared(a.staff.lena, new Date('2026-12-02T10:00:00+01:00'));
    // Monday: the salon is closed.
    const res = await t.http
      .post(`${C}/appointments/${id}/move`)
      .set(as(a.key))
      .send({ start: '2026-11-30T10:00:00+01:00' })
      .expect(422);
    expect(res.body.code).toMatch(/^AVAILABILITY\./);
    expect(res.body.message).toMatch(/^[A-Za-z ().,']+$/);
  });
});
