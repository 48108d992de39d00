import Redis from 'ioredis';
import { BullMqSyncQueue } from '../../../src/adapters/outbound/queue/bullmq-sync.queue';
import { TypeOrmOutboxClaims } from '../../../src/adapters/outbound/persistence/repositories/typeorm-outbox-claims';
import { TypeOrmSyncOutbox } from '../../../src/adapters/outbound/persistence/repositories/typeorm-sync-outbox';
import { syncJobId, jobForEntry } from '../../../src/application/ports/sync-queue.port';
import { OutboxRelay } from '../../../src/application/sync/outbox-relay';
import {
  at,
  audit,
  book,
  change,
  createWorld,
  onePerPhase,
  relayAndSettle,
  settle,
  syncRow,
  REDIS_URL,
  type World,
} from './sync-harness';

const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw r.error;
  return r.value;
};

/** The sync processor on BullMQ (real Redis) against a fake Cal.com over HTTP, real Postgres. */
describe('calendar sync on BullMQ', () => {
  let w: World;

  beforeAll(async () => {
    w = await createWorld({ redis: true });
  });
  afterAll(() => w?.close());
  beforeEach(async () => {
    w.fake.reset();
    w.hooks.beforeCreate = undefined;
    w.hooks.afterRecord = undefined;
    await w.db.dataSource.query(
      `DELETE FROM busy_blocks; DELETE FROM sync_outbox; DELETE FROM calendar_bookings;
       DELETE FROM calendar_sync_leases; DELETE FROM audit_log; DELETE FROM appointments`,
    );
  });

  it('books one Cal.com booking per busy phase with our ids and the customer as attendee', async () => {
    const a = await book(w, w.perm, at('09:00'));
    await relayAndSettle(w);

    expect((await syncRow(w, a.id)).state).toBe('synced');
    expect(w.fake.live()).toHaveLength(3);
    onePerPhase(w);
    const body = w.fake.createBodies[0];
    expect(body.metadata).toEqual({
      appointment_id: a.id,
      phase_id: expect.any(String),
      company_id: w.salon.companyId,
    });
    expect(body.attendee).toEqual({
      name: 'Kundin Eins',
      phoneNumber: '+4915112345678',
      timeZone: 'Europe/Berlin',
      language: 'de',
    });
    const phases = await w.db.dataSource.query(
      `SELECT calcom_booking_uid AS uid, sync_state AS state FROM appointment_phases
        WHERE appointment_id = $1 AND kind = 'work' ORDER BY sequence`,
      [a.id],
    );
    expect(phases.map((p: { state: string }) => p.state)).toEqual(['synced', 'synced', 'synced']);
    expect(new Set(phases.map((p: { uid: string }) => p.uid)).size).toBe(3);
    expect(await audit(w, a.id)).toContain('calendar_sync.synced');
  });

  it('400 although created: verification finds it, synced, counted verified-after-error, one create per phase', async () => {
    const before = w.metrics.counts();
    w.fake.onCreate = () => ({ kind: 'error', status: 400, message: 'Bad request', created: true });
    const a = await book(w, w.perm, at('09:00'));
    await relayAndSettle(w);

    expect((await syncRow(w, a.id)).state).toBe('synced');
    expect(w.fake.createBodies).toHaveLength(3);
    onePerPhase(w);
    expect(w.fake.live()).toHaveLength(3);
    const after = w.metrics.counts();
    expect(after.verifiedAfterError - before.verifiedAfterError).toBe(1);
    expect(after.synced - before.synced).toBe(1);
    expect(w.sleeps.length).toBeGreaterThanOrEqual(3);
  });

  it('timeout although created: verified, one create per phase', async () => {
    w.fake.onCreate = () => ({ kind: 'hang', created: true });
    const a = await book(w, w.cut, at('11:00'));
    await relayAndSettle(w);

    expect((await syncRow(w, a.id)).state).toBe('synced');
    expect(w.fake.createBodies).toHaveLength(1);
    expect(w.fake.live()).toHaveLength(1);
  });

  it('500 then success: the retry creates it, one live booking', async () => {
    w.fake.onCreate = ({ n }) =>
      n === 1 ? { kind: 'error', status: 500, message: 'boom', created: false } : { kind: 'ok' };
    const a = await book(w, w.cut, at('11:00'));
    await relayAndSettle(w);

    expect((await syncRow(w, a.id)).state).toBe('synced');
    expect(w.fake.createBodies).toHaveLength(2);
    expect(w.fake.live()).toHaveLength(1);
    expect(await audit(w, a.id)).toEqual(
      expect.arrayContaining(['calendar_sync.attempt_failed', 'calendar_sync.synced']),
    );
  });

  it('409 and nothing found: each attempt looks first and tries again; then manual review with the reason', async () => {
    w.fake.onCreate = () => ({ kind: 'error', status: 409, message: 'Conflict', created: false });
    const a = await book(w, w.cut, at('11:00'));
    await relayAndSettle(w);

    const row = await syncRow(w, a.id);
    expect(row.state).toBe('manual_review');
    expect(row.error).toContain('CALENDAR.CONFLICT');
    expect(w.fake.createBodies).toHaveLength(3);
    expect(w.fake.live()).toHaveLength(0);
    const trail = await audit(w, a.id);
    expect(trail.filter((action) => action === 'calendar_sync.attempt_failed')).toHaveLength(2);
  });

  it('400 although booked, and Cal.com lists it only later: the next attempt finds it, one booking', async () => {
    w.fake.onCreate = () => ({ kind: 'error', status: 400, message: 'Bad request', created: true });
    // The booking exists from the create on, but the lookup right after the error misses it.
    let listings = 0;
    w.fake.hideFromListings = () => listings++ === 0;
    const a = await book(w, w.cut, at('12:00'));
    await relayAndSettle(w);

    expect((await syncRow(w, a.id)).state).toBe('synced');
    expect(await audit(w, a.id)).toContain('calendar_sync.attempt_failed');
    expect(w.fake.createBodies).toHaveLength(1);
    onePerPhase(w);
    expect(w.fake.live()).toHaveLength(1);
  });

  it('booked at another time: that booking is cancelled and the appointment flagged', async () => {
    w.fake.onCreate = ({ body }) => ({
      kind: 'elsewhere',
      start: new Date(Date.parse(body.start) + 3600_000),
    });
    const a = await book(w, w.cut, at('11:00'));
    await relayAndSettle(w);

    const row = await syncRow(w, a.id);
    expect(row.state).toBe('manual_review');
    expect(row.error).toContain('elsewhere');
    expect(w.fake.live()).toHaveLength(0);
    expect(w.fake.bookings.size).toBe(1);
  });

  it('composite with one phase failing for good: compensation cancels the others, manual review', async () => {
    const failing = new Set<string>();
    w.fake.onCreate = ({ body }) => {
      if (body.eventTypeId === 7003) failing.add(body.metadata.phase_id);
      return body.eventTypeId === 7003
        ? { kind: 'error', status: 500, message: 'boom', created: false }
        : { kind: 'ok' };
    };
    const a = await book(w, w.perm, at('09:00'));
    await relayAndSettle(w);

    const row = await syncRow(w, a.id);
    expect(row.state).toBe('manual_review');
    expect(w.fake.live()).toHaveLength(0);
    const counts = w.fake.createsPerPhase();
    for (const [key, n] of counts) {
      const phaseId = key.split('/')[1];
      expect(n).toBe(failing.has(phaseId) ? 3 : 1); // the good phases are never booked twice
    }
    const ledger = await w.ledger.forAppointment(w.salon.companyId, a.id);
    expect(ledger.map((e) => e.state)).toEqual(['cancelled', 'cancelled']);
    expect(await audit(w, a.id)).toContain('calendar_sync.manual_review');
  });

  it('a compensation that fails is queued as its own job, stays visible and completes later', async () => {
    w.fake.onCreate = ({ body }) =>
      body.eventTypeId === 7002
        ? { kind: 'error', status: 400, message: 'invalid', created: false }
        : { kind: 'ok' };
    w.fake.failCancels = 2;
    const a = await book(w, w.perm, at('09:00'));
    await relayAndSettle(w);

    const row = await syncRow(w, a.id);
    expect(row.state).toBe('manual_review');
    expect(row.error).toContain('compensation pending for 2 booking(s)');
    expect(w.fake.live()).toHaveLength(0);
    expect(await audit(w, a.id)).toEqual(
      expect.arrayContaining(['calendar_sync.compensation_failed', 'calendar_sync.compensated']),
    );
  });

  it('a worker that dies after the calendar succeeded: the retry verifies and books nothing new', async () => {
    const died = new Set<string>();
    w.hooks.afterRecord = async (phaseId) => {
      if (!died.has(phaseId)) {
        died.add(phaseId);
        throw new Error('worker died before updating the appointment');
      }
    };
    const a = await book(w, w.perm, at('09:00'));
    await relayAndSettle(w);

    expect((await syncRow(w, a.id)).state).toBe('synced');
    expect(w.fake.createBodies).toHaveLength(3);
    onePerPhase(w);
    expect(w.fake.live()).toHaveLength(3);
  });

  it('cancel: every phase booking is cancelled and the appointment synced', async () => {
    const a = await book(w, w.perm, at('09:00'));
    await relayAndSettle(w);
    await change(w, a.id, (x) => must(x.cancel()), 'cancel');
    await relayAndSettle(w);

    expect((await syncRow(w, a.id)).state).toBe('synced');
    expect(w.fake.bookings.size).toBe(3);
    expect(w.fake.live()).toHaveLength(0);
  });

  it('a cancel racing an in-flight create ends cancelled in Cal.com', async () => {
    const booked: { id?: string } = {};
    let cancelled = false;
    w.hooks.beforeCreate = async () => {
      if (cancelled || !booked.id) return;
      cancelled = true;
      await change(w, booked.id, (x) => must(x.cancel()), 'cancel');
      await w.relay.relay();
    };
    const a = await book(w, w.perm, at('09:00'));
    booked.id = a.id;
    await relayAndSettle(w);
    await settle(w);

    expect(cancelled).toBe(true);
    expect(w.fake.live()).toHaveLength(0);
    expect((await syncRow(w, a.id)).state).toBe('synced');
  });

  it('reschedule: the old phases’ bookings are cancelled and new ones made', async () => {
    const a = await book(w, w.perm, at('09:00'));
    await relayAndSettle(w);
    const oldUids = w.fake.live().map((b) => b.uid);
    await change(w, a.id, (x) => must(x.reschedule(at('13:00'), w.perm)), 'reschedule');
    await relayAndSettle(w);

    expect((await syncRow(w, a.id)).state).toBe('synced');
    const live = w.fake.live();
    expect(live).toHaveLength(3);
    expect(live.map((b) => b.uid)).not.toEqual(expect.arrayContaining([oldUids[0]]));
    expect(live.map((b) => b.start).sort()[0]).toBe(at('13:00').toISOString());
    for (const uid of oldUids) expect(w.fake.bookings.get(uid)!.status).toBe('cancelled');
    onePerPhase(w);
  });

  it('relays committed outbox rows that were never enqueued', async () => {
    const a = await book(w, w.cut, at('11:00'));
    const [{ n }] = await w.db.dataSource.query(
      `SELECT count(*)::int AS n FROM sync_outbox WHERE enqueued_at IS NULL`,
    );
    expect(n).toBe(1);
    expect(await w.relay.relay()).toBe(1);
    await settle(w);
    expect((await syncRow(w, a.id)).state).toBe('synced');
    expect(await w.relay.relay()).toBe(0);
  });

  it('duplicate outbox entries and job ids collapse into one job', async () => {
    const a = await book(w, w.cut, at('11:00'));
    const scope = { companyId: w.salon.companyId };
    const first = await new TypeOrmSyncOutbox(w.db.dataSource.manager).record(
      scope,
      a.id,
      'create',
    );
    const [{ n }] = await w.db.dataSource.query(`SELECT count(*)::int AS n FROM sync_outbox`);
    expect(n).toBe(1);
    await w.queue.enqueue(first);
    await w.queue.enqueue(first);
    await relayAndSettle(w);
    expect(syncJobId(jobForEntry(first))).toBe(`${a.id}:1:create`);
    expect(w.fake.createBodies).toHaveLength(1);
    expect((await syncRow(w, a.id)).state).toBe('synced');
  });

  it('Redis gone while rows wait: nothing is lost, the rows stay pending and go out later', async () => {
    const broken = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const brokenQueue = new BullMqSyncQueue(broken, {
      attempts: 3,
      backoffMs: 20,
      prefix: w.bull!.prefix,
      addTimeoutMs: 500,
    });
    const clock = { now: () => new Date() };
    const brokenRelay = new OutboxRelay(
      new TypeOrmOutboxClaims(w.db.dataSource),
      brokenQueue,
      clock,
      {
        intervalMs: 0,
        batchSize: 10,
      },
    );
    await brokenQueue.queue.waitUntilReady();
    await broken.quit();

    const a = await book(w, w.cut, at('11:00'));
    await expect(brokenRelay.relay()).rejects.toThrow();
    const [{ n }] = await w.db.dataSource.query(
      `SELECT count(*)::int AS n FROM sync_outbox WHERE enqueued_at IS NULL`,
    );
    expect(n).toBe(1);
    await brokenQueue.close().catch(() => undefined);

    await relayAndSettle(w);
    expect((await syncRow(w, a.id)).state).toBe('synced');
  });

  it('breaker open: jobs wait without using attempts, then sync once it closes', async () => {
    const before = w.metrics.counts();
    const breaker = (
      w.gateway as unknown as { breakers: { breakerFor(ref: string): { open(): void } } }
    ).breakers.breakerFor(w.credentialId);
    breaker.open();
    expect(w.gateway.breakerState(w.credentialId)).toBe('open');
    const a = await book(w, w.cut, at('11:00'));
    await relayAndSettle(w);

    expect((await syncRow(w, a.id)).state).toBe('synced');
    expect(w.metrics.counts().failed).toBe(before.failed);
    expect(await audit(w, a.id)).toContain('calendar_sync.waiting');
    expect(w.gateway.breakerState(w.credentialId)).toBe('closed');
  });

  it('reconciliation cancels a booking whose appointment is gone', async () => {
    const a = await book(w, w.cut, at('11:00'));
    await relayAndSettle(w);
    expect(w.fake.live()).toHaveLength(1);
    await w.db.dataSource.query(`DELETE FROM appointments WHERE id = $1`, [a.id]);

    const verdict = await w.dispatcher.handle(
      { kind: 'reconcile', companyId: w.salon.companyId },
      { number: 1, final: true },
    );
    expect(verdict).toEqual({ kind: 'done' });
    expect(w.fake.live()).toHaveLength(0);
    expect(await audit(w, a.id)).toContain('calendar_reconcile.orphan_cancelled');
  });
});
