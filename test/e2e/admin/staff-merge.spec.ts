import { AdminTestApp, startAdminApp } from './admin-app';
import { as, book, friday, settle, Tenant, tenant } from './admin-world';

/** Two records of one stylist split their bookings: find them, fold them together safely. */
describe('admin duplicate staff', () => {
  let t: AdminTestApp;
  let a: Tenant;
  let C: string;
  const staff = async (body: object) =>
    (
      await t.http
        .post(`${C}/staff`)
        .set(as(a.key))
        .send({ branchId: a.branchId, serviceIds: [a.services.herrenhaarschnitt], ...body })
        .expect(201)
    ).body.id as string;

  beforeAll(async () => {
    t = await startAdminApp();
    a = await tenant(t, 'salon-a', '+4930111111');
    C = `/api/admin/companies/${a.companyId}`;
  }, 60_000);
  afterAll(() => t?.close());

  it('finds the same name (umlauts, case, spaces), e-mail or Cal.com user', async () => {
    const j1 = await staff({ name: 'Jürgen Müller' });
    const j2 = await staff({ name: '  juergen   MUELLER ' });
    const e1 = await staff({ name: 'Sabine', email: 'sabine@example.org' });
    const e2 = await staff({ name: 'Bine K.', email: 'SABINE@example.org' });
    const [{ id: cred }] = await t.ds.query(
      `INSERT INTO calcom_credentials(company_id, label, api_key_encrypted) VALUES ($1, 'x', 'v1:x:x:x') RETURNING id`,
      [a.companyId],
    );
    for (const [staffId, eventType] of [
      [a.staff.mehmet, 1],
      [j1, 2],
    ] as const) {
      await t.ds.query(
        `INSERT INTO calcom_mappings(company_id, credential_id, service_id, staff_id, event_type_id, calcom_user_id)
         VALUES ($1, $2, $3, $4, $5, 555)`,
        [a.companyId, cred, a.services.herrenhaarschnitt, staffId, eventType],
      );
    }
    const res = await t.http.get(`${C}/staff/duplicates`).set(as(a.key)).expect(200);
    const groups = res.body.map((g: { reason: string; staff: Array<{ id: string }> }) => ({
      reason: g.reason,
      ids: g.staff.map((s) => s.id).sort(),
    }));
    expect(groups).toEqual(
      expect.arrayContaining([
        { reason: 'name', ids: [j1, j2].sort() },
        { reason: 'email', ids: [e1, e2].sort() },
        { reason: 'calcom_user', ids: [a.staff.mehmet, j1].sort() },
      ]),
    );
    expect(groups).toHaveLength(3);
  });

  it('refuses a merge that would overlap, naming the appointments, and moves nothing', async () => {
    const dup = await staff({ name: 'Anna' });
    const kept = await book(t, a, a.staff.anna, 'herrenhaarschnitt', friday('10:00'));
    const merged = await book(t, a, dup, 'herrenhaarschnitt', friday('10:15'));
    const res = await t.http
      .post(`${C}/staff/merge`)
      .set(as(a.key))
      .send({ keepId: a.staff.anna, mergeId: dup })
      .expect(409);
    expect(res.body).toEqual({
      code: 'STAFF.MERGE_OVERLAP',
      message: expect.any(String),
      collisions: [{ keptAppointmentId: kept, mergedAppointmentId: merged }],
    });
    const [row] = await t.ds.query(`SELECT staff_id FROM appointments WHERE id = $1`, [merged]);
    expect(row.staff_id).toBe(dup);
    const [{ active }] = await t.ds.query(`SELECT active FROM staff WHERE id = $1`, [dup]);
    expect(active).toBe(true);

    // Once the collision is gone, the merge moves everything in one go.
    await t.http.post(`${C}/appointments/${merged}/cancel`).set(as(a.key)).expect(200);
    const later = await book(t, a, dup, 'herrenhaarschnitt', friday('14:00'));
    await t.http
      .patch(`${C}/staff/${dup}`)
      .set(as(a.key))
      .send({ serviceIds: [a.services.herrenhaarschnitt, a.services.kinderhaarschnitt] })
      .expect(200);
    const ok = await t.http
      .post(`${C}/staff/merge`)
      .set(as(a.key))
      .send({ keepId: a.staff.anna, mergeId: dup })
      .expect(200);
    expect(ok.body).toMatchObject({
      keptId: a.staff.anna,
      mergedId: dup,
      moved: { appointments: 2, serviceLinks: 1 },
    });
    const onAnna = await t.http
      .get(`${C}/appointments?staffId=${a.staff.anna}`)
      .set(as(a.key))
      .expect(200);
    expect(onAnna.body.items.map((x: { id: string }) => x.id)).toEqual(
      expect.arrayContaining([kept, merged, later]),
    );
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM busy_blocks WHERE staff_id = $1`,
      [dup],
    );
    expect(n).toBe(0);
    const anna = await t.http.get(`${C}/staff/${a.staff.anna}`).set(as(a.key)).expect(200);
    expect(anna.body.serviceIds).toContain(a.services.kinderhaarschnitt);
    const gone = await t.http.get(`${C}/staff/${dup}`).set(as(a.key)).expect(200);
    expect(gone.body.active).toBe(false);
    const [{ actor }] = await t.ds.query(
      `SELECT actor FROM audit_log WHERE action = 'staff.merged' AND entity_id = $1`,
      [a.staff.anna],
    );
    expect(actor).toBe(`admin:${a.keyId}`);
  });

  it('writes a calendar sync entry for exactly the moved scheduled future appointments', async () => {
    const keep = await staff({ name: 'Ole' });
    const dup = await staff({ name: 'Ole Dup' });
    const credential = await t.http
      .post(`${C}/calcom/credentials`)
      .set(as(a.key))
      .send({ label: 'ole', apiKey: 'cal_live_ole_0123456789', webhookSecret: 'whsec_ole_012345' })
      .expect(201);
    for (const [staffId, eventTypeId] of [
      [keep, 2001],
      [dup, 2002],
    ] as const) {
      await t.http
        .post(`${C}/calcom/mappings`)
        .set(as(a.key))
        .send({
          credentialId: credential.body.id,
          serviceId: a.services.herrenhaarschnitt,
          staffId,
          eventTypeId,
        })
        .expect(201);
    }
    const first = await book(t, a, dup, 'herrenhaarschnitt', friday('10:00'));
    const second = await book(t, a, dup, 'herrenhaarschnitt', friday('11:00'));
    const cancelled = await book(t, a, dup, 'herrenhaarschnitt', friday('12:00'));
    await t.http.post(`${C}/appointments/${cancelled}/cancel`).set(as(a.key)).expect(200);
    const past = await book(t, a, dup, 'herrenhaarschnitt', friday('13:00'));
    for (const table of ['appointments', 'appointment_phases']) {
      const key = table === 'appointments' ? 'id' : 'appointment_id';
      await t.ds.query(
        `UPDATE ${table} SET starts_at = starts_at - interval '3 days', ends_at = ends_at - interval '3 days'
          WHERE ${key} = $1`,
        [past],
      );
    }
    await t.ds.query(
      `UPDATE busy_blocks SET during = tstzrange(lower(during) - interval '3 days', upper(during) - interval '3 days', '[)')
        WHERE appointment_id = $1`,
      [past],
    );
    const own = await book(t, a, keep, 'herrenhaarschnitt', friday('15:00'));
    await settle(t);
    const phasesOf = async (id: string) =>
      (
        await t.ds.query(
          `SELECT id FROM appointment_phases WHERE appointment_id = $1 ORDER BY sequence`,
          [id],
        )
      ).map((r: { id: string }) => r.id);
    const phasesBefore = await phasesOf(first);
    const [{ last }] = await t.ds.query(`SELECT coalesce(max(id), 0) AS last FROM sync_outbox`);

    const res = await t.http
      .post(`${C}/staff/merge`)
      .set(as(a.key))
      .send({ keepId: keep, mergeId: dup })
      .expect(200);
    expect(res.body.moved.appointments).toBe(4);

    const entries: Array<{ appointment_id: string; action: string; current: boolean }> =
      await t.ds.query(
        `SELECT o.appointment_id, o.action, o.appointment_version = a.version AS current
           FROM sync_outbox o JOIN appointments a ON a.id = o.appointment_id
          WHERE o.id > $1 ORDER BY o.appointment_id`,
        [last],
      );
    expect(entries).toEqual(
      [first, second]
        .sort()
        .map((id) => ({ appointment_id: id, action: 'reschedule', current: true })),
    );
    expect(entries.map((e) => e.appointment_id)).not.toContain(own);
    expect(entries.map((e) => e.appointment_id)).not.toContain(cancelled);
    expect(entries.map((e) => e.appointment_id)).not.toContain(past);
    // New phase ids at the same times: the sync treats the old bookings as stale.
    const phasesAfter = await phasesOf(first);
    expect(phasesAfter).toHaveLength(phasesBefore.length);
    expect(phasesAfter.some((id: string) => phasesBefore.includes(id))).toBe(false);
    const blocks = await t.ds.query(
      `SELECT staff_id, phase_id FROM busy_blocks WHERE appointment_id = ANY($1::uuid[])`,
      [[first, second]],
    );
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.every((b: { staff_id: string }) => b.staff_id === keep)).toBe(true);
    const [{ calendarResyncs }] = await t.ds.query(
      `SELECT details->'calendarResyncs' AS "calendarResyncs" FROM audit_log
        WHERE action = 'staff.merged' AND entity_id = $1`,
      [keep],
    );
    expect(calendarResyncs).toBe(2);

    // The sync then moves the bookings from the merged stylist's event type to the kept one's.
    await settle(t);
    const bookings = await t.ds.query(
      `SELECT event_type_id::int AS "eventType", state FROM calendar_bookings
        WHERE appointment_id = $1 ORDER BY created_at, event_type_id`,
      [first],
    );
    expect(bookings).toEqual([
      { eventType: 2002, state: 'cancelled' },
      { eventType: 2001, state: 'live' },
    ]);
  });

  it('does not merge a record into itself', async () => {
    const same = await t.http
      .post(`${C}/staff/merge`)
      .set(as(a.key))
      .send({ keepId: a.staff.lena, mergeId: a.staff.lena })
      .expect(400);
    expect(same.body.code).toBe('STAFF.MERGE_SAME');
  });
});
