import { SALON_CATALOG } from '../../../src/application/ports/salon-catalog.port';
import { TraceWriteBehind } from '../../../src/application/calls/trace-write-behind';
import { randomUUID } from 'node:crypto';
import { TypeOrmSalonCatalog } from '../../../src/adapters/outbound/persistence/repositories/typeorm-salon-catalog';
import { portsFor } from '../../../src/adapters/outbound/persistence/typeorm-unit-of-work';
import { Hold } from '../../../src/domain/appointment/hold';
import { Customer } from '../../../src/domain/salon/customer';
import {
  createRetellTestApp,
  FIXED_NOW,
  functionCall,
  REAL_CALL_ID,
  RetellTestApp,
  SALON_AGENT,
  SALON_LINE,
} from './retell-test-app';

const WEBHOOK = '/api/retell/webhook';
const INBOUND = '/api/retell/inbound';
const STARTED = Date.parse(FIXED_NOW);
const ENDED = STARTED + 185_000;

describe('Retell call webhooks and inbound webhook (real Postgres)', () => {
  let t: RetellTestApp;

  beforeAll(async () => {
    t = await createRetellTestApp();
  });
  afterAll(() => t.close());

  const callObject = (extra: Record<string, unknown> = {}) => ({
    ...functionCall('x').call,
    ...extra,
  });
  const row = async (id = REAL_CALL_ID) =>
    (await t.db.dataSource.query(`SELECT * FROM calls WHERE id = $1`, [id]))[0];

  describe('call lifecycle', () => {
    beforeEach(async () => {
      // Traces of the test before are written first, so none recreates a call here.
      await t.app.get(TraceWriteBehind).flush();
      await t.db.dataSource.query(
        `DELETE FROM busy_blocks; DELETE FROM holds; DELETE FROM call_function_traces; DELETE FROM calls`,
      );
    });

    it('persists started, ended and analysed, each retry changing nothing', async () => {
      const started = { event: 'call_started', call: callObject() };
      for (let i = 0; i < 2; i++) expect((await t.post(WEBHOOK, started)).status).toBe(204);
      expect(await row()).toMatchObject({
        company_id: t.companyId,
        branch_id: t.branchId,
        status: 'ongoing',
        ended_at: null,
      });
      expect(new Date((await row()).started_at).getTime()).toBe(STARTED);

      const ended = {
        event: 'call_ended',
        call: callObject({
          call_status: 'ended',
          end_timestamp: ENDED,
          disconnection_reason: 'user_hangup',
          transcript: 'Agent: Hallo ... User: Ich bin Erika, +4915112345678',
        }),
      };
      for (let i = 0; i < 3; i++) expect((await t.post(WEBHOOK, ended)).status).toBe(204);
      const afterEnd = await row();
      expect(afterEnd).toMatchObject({ status: 'ended', disconnection_reason: 'user_hangup' });
      expect(new Date(afterEnd.ended_at).getTime()).toBe(ENDED);

      const analysed = {
        event: 'call_analyzed',
        call: callObject({
          call_status: 'ended',
          end_timestamp: ENDED + 5_000, // a later, different end changes nothing
          disconnection_reason: 'agent_hangup',
          call_analysis: {
            call_summary: 'Erika Mustermann (+4915112345678) booked a perm.',
            user_sentiment: 'Positive',
            call_successful: true,
            in_voicemail: false,
            custom_analysis_data: { customer_email: 'erika@example.org', booked: true },
          },
        }),
      };
      for (let i = 0; i < 2; i++) expect((await t.post(WEBHOOK, analysed)).status).toBe(204);
      const final = await row();
      expect(new Date(final.ended_at).getTime()).toBe(ENDED);
      expect(final.disconnection_reason).toBe('user_hangup');
      expect(final.analysis).toEqual({
        call_successful: true,
        user_sentiment: 'Positive',
        in_voicemail: false,
        custom_analysis_keys: ['customer_email', 'booked'],
      });
      expect(JSON.stringify(final.analysis)).not.toMatch(/Erika|4915112345678|erika@|perm/);
      const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM calls`);
      expect(n).toBe(1);
    });

    it('a call that never connected arrives as ended only', async () => {
      const res = await t.post(WEBHOOK, {
        event: 'call_ended',
        call: callObject({
          call_status: 'not_connected',
          start_timestamp: undefined,
          end_timestamp: ENDED,
          disconnection_reason: 'dial_no_answer',
        }),
      });
      expect(res.status).toBe(204);
      expect(await row()).toMatchObject({ status: 'not_connected' });
    });

    it('an end before the start is not applied', async () => {
      await t.post(WEBHOOK, {
        event: 'call_ended',
        call: callObject({ end_timestamp: STARTED - 1000 }),
      });
      expect(await row()).toMatchObject({ status: 'ongoing', ended_at: null });
    });

    it('call_ended releases the call’s holds, not other calls’ holds', async () => {
      const catalog = new TypeOrmSalonCatalog(t.db.dataSource);
      const salon = (await catalog.branchContext(t.branchId))!;
      const anna = salon.staff.find((s) => s.name === 'Anna')!.id;
      const cut = salon.services.find((s) => s.name === 'Herrenhaarschnitt')!;
      const holds = portsFor(t.db.dataSource.manager).holds;
      const now = new Date(FIXED_NOW);
      const other = 'call_f1e2d3c4b5a69788a7b6c5d4e3f2a1b0';
      for (const [callId, start] of [
        [REAL_CALL_ID, '2026-12-04T09:00:00Z'],
        [other, '2026-12-04T11:00:00Z'],
      ]) {
        const placed = await holds.place(
          { companyId: t.companyId },
          Hold.place({ callId, staffId: anna, service: cut, start: new Date(start), now }),
          now,
        );
        expect(placed.ok).toBe(true);
      }

      for (let i = 0; i < 2; i++) {
        const res = await t.post(WEBHOOK, {
          event: 'call_ended',
          call: callObject({ end_timestamp: ENDED }),
        });
        expect(res.status).toBe(204);
      }
      const rows: Array<{ call_id: string; released: boolean; active_blocks: number }> =
        await t.db.dataSource.query(
          `SELECT h.call_id, h.released_at IS NOT NULL AS released,
                  (SELECT count(*)::int FROM busy_blocks b WHERE b.hold_id = h.id AND b.active)
                    AS active_blocks
             FROM holds h ORDER BY h.call_id`,
        );
      expect(rows).toEqual(
        [
          { call_id: REAL_CALL_ID, released: true, active_blocks: 0 },
          { call_id: other, released: false, active_blocks: 1 },
        ].sort((a, b) => a.call_id.localeCompare(b.call_id)),
      );
    });

    it('unknown events and events without a real call id: 204 without effect', async () => {
      for (const body of [
        { event: 'transcript_updated', call: callObject() },
        { event: 'call_started', call: callObject({ call_id: 'call_1' }) },
        { event: 'call_started' },
        { event: 'something_new', call: 'x' },
      ]) {
        expect((await t.post(WEBHOOK, body)).status).toBe(204);
      }
      const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM calls`);
      expect(n).toBe(0);
    });

    it('a body without an event: 400; unsigned: 401', async () => {
      expect((await t.post(WEBHOOK, { call: callObject() })).status).toBe(400);
      expect((await t.post(WEBHOOK, [])).status).toBe(400);
      const unsigned = await t.post(
        WEBHOOK,
        { event: 'call_started', call: callObject() },
        {
          signature: null,
        },
      );
      expect(unsigned.status).toBe(401);
    });

    it('keeps the caller’s number in E.164, and none when it is withheld or no number', async () => {
      const calls: Array<[string, string, string | null]> = [
        ['call_0a1b2c3d4e5f60718293a4b5c6d7e8f9', '0151 12345678', '+4915112345678'],
        ['call_1a1b2c3d4e5f60718293a4b5c6d7e8f9', 'anonymous', null],
        ['call_2a1b2c3d4e5f60718293a4b5c6d7e8f9', '+49301234567890123', null], // 17 digits
      ];
      for (const [id, from] of calls) {
        const call = callObject({ call_id: id, from_number: from });
        expect((await t.post(WEBHOOK, { event: 'call_started', call })).status).toBe(204);
      }
      const tooLong = 'call_3a1b2c3d4e5f60718293a4b5c6d7e8f9';
      await t.post(
        '/api/retell/function-call',
        functionCall('check_customer', {}, { call_id: tooLong, from_number: '4930123456789012' }),
      );
      await t.app.get(TraceWriteBehind).flush();
      for (const [id, , stored] of calls) expect((await row(id)).from_number).toBe(stored);
      expect(await row(tooLong)).toMatchObject({ from_number: null, branch_id: t.branchId });
    });

    it('a function call before call_started creates the call; the webhook completes it', async () => {
      await t.post('/api/retell/function-call', functionCall('check_customer'));
      await t.app.get(TraceWriteBehind).flush();
      await t.post(WEBHOOK, { event: 'call_started', call: callObject({ agent_version: 4 }) });
      expect(await row()).toMatchObject({ agent_version: 3, status: 'ongoing' });
    });
  });

  describe('inbound call', () => {
    const customers = () => portsFor(t.db.dataSource.manager).customers;
    const addCustomer = (name: string, phone: string, consent: boolean) =>
      customers().add(
        { companyId: t.companyId },
        Customer.restore({ id: randomUUID(), name, phone, recognitionConsent: consent }),
      );
    const inbound = (from: string, extra: Record<string, unknown> = {}) =>
      t.post(INBOUND, {
        event: 'call_inbound',
        call_inbound: { from_number: from, to_number: SALON_LINE, ...extra },
      });

    beforeAll(async () => {
      await t.db.dataSource.query(`DELETE FROM customers`);
      await addCustomer('Erika Mustermann', '+4915111111111', true);
      await addCustomer('Max Muster', '+4915122222222', false);
      await addCustomer('Anna Eins', '+4915133333333', true);
      await addCustomer('Ben Zwei', '+4915133333333', true);
      await addCustomer('Frau Schmidt', '+4915144444444', true);
    });

    it('greets one consenting customer by first name, with the branch’s day and time', async () => {
      const res = await inbound('+49 151 11111111');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        call_inbound: {
          dynamic_variables: {
            current_date: 'Donnerstag, 26. November 2026',
            current_weekday: 'Donnerstag',
            current_time: '15:00',
            current_date_iso: '2026-11-26',
            salon_name: 'Salon Haarmonie',
            branch_name: 'Salon Haarmonie Berlin-Mitte',
            branch_timezone: 'Europe/Berlin',
            transfer_available: 'true',
            transfer_number: '+4930901821',
            customer_known: 'true',
            caller_status: 'existing',
            customer_first_name: 'Erika',
          },
          metadata: { company_id: t.companyId, branch_id: t.branchId },
        },
      });
      for (const value of Object.values(res.body.call_inbound.dynamic_variables)) {
        expect(typeof value).toBe('string');
      }
    });

    it.each([
      ['without consent', '+4915122222222', 'new'],
      ['two customers on one number', '+4915133333333', 'ambiguous'],
      ['an anonymous number', 'anonymous', 'anonymous'],
      ['a withheld number', '', 'anonymous'],
      ['an unknown number', '+4915199999999', 'new'],
      ['a number longer than E.164', '+49151111111111111', 'anonymous'],
    ])('no name %s', async (_label, from, status) => {
      const res = await inbound(from);
      expect(res.status).toBe(200);
      const vars = res.body.call_inbound.dynamic_variables;
      expect(vars.customer_known).toBe('false');
      expect(vars.caller_status).toBe(status);
      expect(vars.customer_first_name).toBeUndefined();
      expect(vars.current_date).toBe('Donnerstag, 26. November 2026');
    });

    it('no transfer is offered where the branch has no transfer number', async () => {
      await t.db.dataSource.query(`UPDATE branches SET transfer_number = NULL`);
      try {
        // The catalog keeps a branch's set-up 5 s; forgetting stands for the wait.
        t.app.get<TypeOrmSalonCatalog>(SALON_CATALOG).forget();
        const vars = (await inbound('+4915199999999')).body.call_inbound.dynamic_variables;
        expect(vars.transfer_available).toBe('false');
        expect(vars.transfer_number).toBeUndefined();
      } finally {
        await t.db.dataSource.query(`UPDATE branches SET transfer_number = '+4930901821'`);
        t.app.get<TypeOrmSalonCatalog>(SALON_CATALOG).forget();
      }
    });

    it('a stored name starting with a salutation gives no first name', async () => {
      const res = await inbound('+4915144444444');
      const vars = res.body.call_inbound.dynamic_variables;
      expect(vars.customer_known).toBe('true');
      expect(vars.customer_first_name).toBeUndefined();
    });

    it('unknown salon: 200 with no variables (Retell uses its defaults)', async () => {
      const res = await t.post(INBOUND, {
        event: 'call_inbound',
        call_inbound: { from_number: '+4915111111111', to_number: '+4989111' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ call_inbound: { dynamic_variables: {} } });
    });

    it('found by the agent id too', async () => {
      const res = await t.post(INBOUND, {
        event: 'call_inbound',
        call_inbound: {
          from_number: '+4915111111111',
          to_number: '+4989111',
          agent_id: SALON_AGENT,
        },
      });
      expect(res.body.call_inbound.metadata).toEqual({
        company_id: t.companyId,
        branch_id: t.branchId,
      });
    });

    it('wrong shape: 400; unsigned: 401', async () => {
      expect((await t.post(INBOUND, { event: 'call_inbound' })).status).toBe(400);
      const unsigned = await t.post(
        INBOUND,
        { event: 'call_inbound', call_inbound: { from_number: '+4915111111111' } },
        { signature: null },
      );
      expect(unsigned.status).toBe(401);
    });
  });
});
