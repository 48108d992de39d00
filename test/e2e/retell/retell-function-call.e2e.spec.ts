import { sign } from 'retell-sdk';
import { TraceWriteBehind } from '../../../src/application/calls/trace-write-behind';
import { answer } from '../../../src/adapters/inbound/retell/answers/function-answer';
import {
  createRetellTestApp,
  FIXED_NOW,
  functionCall,
  REAL_CALL_ID,
  RETELL_KEY,
  RetellTestApp,
  SALON_LINE,
} from './retell-test-app';

const FUNCTION_CALL = '/api/retell/function-call';

describe('Retell function calls (real Postgres, fake phone functions)', () => {
  let t: RetellTestApp;

  beforeAll(async () => {
    t = await createRetellTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    t.phone.reset();
    // Traces of the test before are written first, so none lands in this one.
    await t.app.get(TraceWriteBehind).flush();
    await t.db.dataSource.query(`DELETE FROM call_function_traces; DELETE FROM calls`);
  });

  describe('signature', () => {
    it('accepts a body signed with the official retell-sdk sign()', async () => {
      const res = await t.post(FUNCTION_CALL, functionCall('get_current_context'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ success: true, code: 'OK' });
      expect(t.phone.last.name).toBe('get_current_context');
    });

    it.each([
      ['missing', { signature: null }],
      ['garbled', { signature: 'v=abc,d=xyz' }],
      ['digest of another length', { signature: `v=${Date.now()},d=abcdef` }],
      ['signed with another key', { key: 'key_someone_else_entirely' }],
      ['older than five minutes', { signedAt: Date.now() - 6 * 60 * 1000 }],
      ['from the future beyond five minutes', { signedAt: Date.now() + 6 * 60 * 1000 }],
    ])('refuses a %s signature with 401', async (_label, options) => {
      const res = await t.post(FUNCTION_CALL, functionCall('get_current_context'), options);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('RETELL.BAD_SIGNATURE');
      expect(typeof res.body.message).toBe('string');
      expect(t.phone.received).toHaveLength(0);
    });

    it('refuses a replay whose body was changed after signing', async () => {
      const signed = JSON.stringify(functionCall('check_customer'));
      const signature = await sign(signed, RETELL_KEY);
      const changed = JSON.stringify(functionCall('cancel_appointment'));
      const res = await t.post(FUNCTION_CALL, changed, { raw: true, signature });
      expect(res.status).toBe(401);
    });

    it('checks the exact bytes: whitespace and unicode escapes count', async () => {
      const text = `{ "name": "check_customer",  "args": {"name": "J\\u00fcrgen"}, "call": ${JSON.stringify(
        functionCall('x').call,
      )} }`;
      const res = await t.post(FUNCTION_CALL, text, { raw: true });
      expect(res.status).toBe(200);
      expect(t.phone.last.args.name).toBe('Jürgen');
    });
  });

  describe('what reaches the phone functions', () => {
    it('German argument names arrive normalised', async () => {
      await t.post(
        FUNCTION_CALL,
        functionCall('check_availability', {
          Dienstleistung: '  Dauerwelle ',
          datum: 'nächsten Freitag',
          Uhrzeit: 'um zehn',
          Mitarbeiterin: 'Anna',
        }),
      );
      expect(t.phone.last.args).toEqual({
        service: 'Dauerwelle',
        date: 'nächsten Freitag',
        time: 'um zehn',
        staff: 'Anna',
      });
    });

    it('English argument names arrive normalised, numbers as text', async () => {
      await t.post(
        FUNCTION_CALL,
        functionCall('book_appointment', {
          service: 'Herrenhaarschnitt',
          date: '2026-12-04',
          time: 14,
          customer_name: 'Max Mustermann',
          email: 'max@example.org',
        }),
      );
      expect(t.phone.last.args).toEqual({
        service: 'Herrenhaarschnitt',
        date: '2026-12-04',
        time: '14',
        name: 'Max Mustermann',
        email: 'max@example.org',
      });
    });

    it('the alias start_booking runs book_appointment', async () => {
      await t.post(FUNCTION_CALL, functionCall('start_booking', { service: 'Färben' }));
      expect(t.phone.last.name).toBe('book_appointment');
    });

    it('versioned names of an older agent run the same functions on both routes', async () => {
      const byBody = await t.post(FUNCTION_CALL, functionCall('check_availability_v17'));
      expect(byBody.body).toMatchObject({ code: 'OK' });
      expect(t.phone.last.name).toBe('check_availability');
      await t.post(FUNCTION_CALL, functionCall('start_booking_v17', { service: 'Färben' }));
      expect(t.phone.last.name).toBe('book_appointment');
      const byPath = await t.post('/api/retell/functions/book_appointment_v17', {
        datum: 'morgen',
        call: functionCall('x').call,
      });
      expect(byPath.body).toMatchObject({ code: 'OK' });
      expect(t.phone.last).toMatchObject({ name: 'book_appointment', args: { date: 'morgen' } });
    });

    it('hands over tenant, caller number and the real call id', async () => {
      await t.post(FUNCTION_CALL, functionCall('check_customer'));
      const { salon, ...ctx } = t.phone.last.ctx;
      expect(ctx).toEqual({
        companyId: t.companyId,
        branchId: t.branchId,
        callId: REAL_CALL_ID,
        callerNumber: '+4915112345678',
      });
      // The branch the edge loaded to find the tenant travels along, so it is read once.
      expect(salon?.branch.id).toBe(t.branchId);
    });

    it.each(['call_1', 'call_001', 'dummy_call_id', 'None', 'null', 'current', '{{call_id}}'])(
      'placeholder call id %s is replaced by the call object id',
      async (placeholder) => {
        await t.post(FUNCTION_CALL, functionCall('check_customer', { call_id: placeholder }));
        expect(t.phone.last.ctx.callId).toBe(REAL_CALL_ID);
      },
    );

    it('no real call id anywhere: callId null, never a guess, and the answer says so', async () => {
      const res = await t.post(
        FUNCTION_CALL,
        functionCall('check_customer', { call_id: 'call_1' }, { call_id: 'current_call' }),
      );
      expect(t.phone.last.ctx.callId).toBeNull();
      expect(res.body).toMatchObject({ call_id_known: false });

      const known = await t.post(FUNCTION_CALL, functionCall('check_customer', {}));
      expect(known.body).not.toHaveProperty('call_id_known');
    });

    it('args-only mode: body is the arguments, call id and branch from headers', async () => {
      const res = await t.post(
        '/api/retell/functions/check_availability',
        { datum: 'morgen', uhrzeit: '10 Uhr', leistung: 'Damenhaarschnitt' },
        { headers: { 'x-retell-call-id': REAL_CALL_ID, 'x-salon-branch-id': t.branchId } },
      );
      expect(res.status).toBe(200);
      expect(t.phone.last.args).toEqual({
        service: 'Damenhaarschnitt',
        date: 'morgen',
        time: '10 Uhr',
      });
      expect(t.phone.last.ctx.callId).toBe(REAL_CALL_ID);
    });

    it('args-only mode with neither call object nor branch header: unknown salon', async () => {
      const res = await t.post('/api/retell/functions/get_current_context', {});
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ success: false, code: 'RETELL.UNKNOWN_SALON' });
    });

    it('args-only mode with a call object beside the arguments', async () => {
      const { call } = functionCall('x');
      const res = await t.post('/api/retell/functions/check_customer', { call, name: 'Eva' });
      expect(res.status).toBe(200);
      expect(t.phone.last.args).toEqual({ name: 'Eva' });
      expect(t.phone.last.ctx.callId).toBe(REAL_CALL_ID);
    });
  });

  describe('tenant', () => {
    it('found by the agent id when the number is unknown', async () => {
      await t.post(FUNCTION_CALL, functionCall('check_customer', {}, { to_number: '+4989111' }));
      expect(t.phone.last.ctx.branchId).toBe(t.branchId);
    });

    it('found by the branch id in metadata when number and agent are unknown', async () => {
      await t.post(
        FUNCTION_CALL,
        functionCall(
          'check_customer',
          {},
          { to_number: '+4989111', agent_id: 'agent_other', metadata: { branch_id: t.branchId } },
        ),
      );
      expect(t.phone.last.ctx.branchId).toBe(t.branchId);
    });

    it('a national-format salon number is normalised first', async () => {
      await t.post(
        FUNCTION_CALL,
        functionCall('check_customer', {}, { to_number: '030 901820', agent_id: 'agent_x' }),
      );
      expect(t.phone.last.ctx.branchId).toBe(t.branchId);
    });

    it('unknown salon: 200 with a German sentence, the use cases never run', async () => {
      const res = await t.post(
        FUNCTION_CALL,
        functionCall(
          'check_customer',
          {},
          {
            to_number: '+4989111',
            agent_id: 'agent_other',
            metadata: { branch_id: 'not-a-uuid' },
          },
        ),
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ success: false, code: 'RETELL.UNKNOWN_SALON' });
      expect(res.body.message).toMatch(/Salon/);
      expect(t.phone.received).toHaveLength(0);
    });
  });

  describe('answers', () => {
    it('unknown function: 200, success false, RETELL.UNKNOWN_FUNCTION, German message', async () => {
      const res = await t.post(FUNCTION_CALL, functionCall('order_pizza'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ success: false, code: 'RETELL.UNKNOWN_FUNCTION' });
      expect(res.body.message).toMatch(/leider/);
    });

    it('a refusal of the use cases passes through as it is', async () => {
      t.phone.behaviour = async () =>
        answer('AVAILABILITY.SLOT_TAKEN', 'Freitag 10 Uhr ist leider vergeben.', {
          alternatives: ['11 Uhr'],
        });
      const res = await t.post(FUNCTION_CALL, functionCall('check_availability'));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        success: false,
        code: 'AVAILABILITY.SLOT_TAKEN',
        message: 'Freitag 10 Uhr ist leider vergeben.',
        alternatives: ['11 Uhr'],
      });
    });

    it('phone functions that throw: 200 INTERNAL.TEMPORARY the agent can speak', async () => {
      t.phone.behaviour = async () => {
        throw new Error('connection to +4915112345678 lost');
      };
      const res = await t.post(FUNCTION_CALL, functionCall('book_appointment'));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        success: false,
        code: 'INTERNAL.TEMPORARY',
        message:
          'Entschuldigung, da ist etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal.',
      });
    });

    it('phone functions answering nonsense: INTERNAL.TEMPORARY as well', async () => {
      t.phone.behaviour = async () => 'yes' as never;
      const res = await t.post(FUNCTION_CALL, functionCall('check_customer'));
      expect(res.status).toBe(200);
      expect(res.body.code).toBe('INTERNAL.TEMPORARY');
    });
  });

  describe('trace', () => {
    it('writes the call and a trace row with redacted arguments', async () => {
      await t.post(
        FUNCTION_CALL,
        functionCall('book_appointment', {
          dienstleistung: 'Dauerwelle',
          datum: '2026-12-04',
          uhrzeit: '10:00',
          kundenname: 'Erika Mustermann',
          email: 'erika@example.org',
          mitarbeiter: 'Anna',
        }),
      );
      await t.app.get(TraceWriteBehind).flush();
      const [call] = await t.db.dataSource.query(`SELECT * FROM calls WHERE id = $1`, [
        REAL_CALL_ID,
      ]);
      expect(call).toMatchObject({
        company_id: t.companyId,
        branch_id: t.branchId,
        to_number: SALON_LINE,
        from_number: '+4915112345678',
        agent_id: 'agent_haarmonie_demo',
        agent_version: 3,
        status: 'ongoing',
      });
      expect(new Date(call.started_at).toISOString()).toBe(FIXED_NOW);
      const traces = await t.db.dataSource.query(
        `SELECT function_name, redacted_args, latency_ms, outcome FROM call_function_traces`,
      );
      expect(traces).toHaveLength(1);
      expect(traces[0]).toMatchObject({ function_name: 'book_appointment', outcome: 'OK' });
      expect(traces[0].latency_ms).toBeGreaterThanOrEqual(0);
      expect(traces[0].redacted_args).toEqual({
        service: 'Dauerwelle',
        date: '2026-12-04',
        time: '10:00',
        name: '[redacted]',
        email: '[redacted]',
        staff: '[redacted]',
      });
      const stored = JSON.stringify(traces);
      expect(stored).not.toMatch(/Erika|Mustermann|erika@|4915112345678/);
    });

    it('records the outcome code of refusals and of unknown functions', async () => {
      t.phone.behaviour = async () => answer('LANGUAGE.DATE_NOT_UNDERSTOOD', 'Welcher Tag?');
      await t.post(FUNCTION_CALL, functionCall('check_availability'));
      await t.post(FUNCTION_CALL, functionCall('order_pizza'));
      await t.app.get(TraceWriteBehind).flush();
      const rows = await t.db.dataSource.query(
        `SELECT function_name, outcome FROM call_function_traces ORDER BY id`,
      );
      expect(rows).toEqual([
        { function_name: 'check_availability', outcome: 'LANGUAGE.DATE_NOT_UNDERSTOOD' },
        { function_name: 'order_pizza', outcome: 'RETELL.UNKNOWN_FUNCTION' },
      ]);
    });

    it('traces a versioned name under the official one', async () => {
      await t.post(FUNCTION_CALL, functionCall('check_availability_v17'));
      await t.post('/api/retell/functions/book_appointment_v17', { call: functionCall('x').call });
      await t.app.get(TraceWriteBehind).flush();
      const rows = await t.db.dataSource.query(
        `SELECT function_name, outcome FROM call_function_traces ORDER BY id`,
      );
      expect(rows).toEqual([
        { function_name: 'check_availability', outcome: 'OK' },
        { function_name: 'book_appointment', outcome: 'OK' },
      ]);
    });

    it('keeps the trace of arguments with lone surrogates, NUL and other odd code points', async () => {
      const odd = ['\udfff', '\ud800', '\u0000', '\uffff', '\ufffe', '\u{10ffff}', '\ue000'];
      const oddCall = 'call_7c1e9a3f5b2d8e4a6c0f1b3d5e7a9c2e';
      const oddLine = 'call_8d2f0b4a6c3e9f5b7d1a2c4e6f8b0d3f';
      const bodies = [
        functionCall('check_availability', { dienstleistung: `Dauer${odd.join('')}welle` }),
        functionCall('book_appointment', { name: 'Eva\ud800', datum: 'morgen\udc00', x: '\u0000' }),
        functionCall('check_customer', { [`key\ud800\u0000`]: 'value' }),
        functionCall(`order_pizza\ud800\u0000`),
        functionCall('check_customer', {}, { call_id: oddCall, agent_id: 'agent\u0000\ud800' }),
        functionCall('check_customer', {}, { call_id: oddLine, to_number: '\u0000\udc00' }),
      ];
      for (const body of bodies) {
        const res = await t.post(FUNCTION_CALL, body);
        expect(res.status).toBe(200);
        expect([body.name, res.body.code]).toEqual([
          body.name,
          expect.stringMatching(/^(OK|RETELL\.UNKNOWN_FUNCTION)$/),
        ]);
      }
      expect(t.phone.received.map((r) => r.args)).toEqual([
        { service: 'Dauer\ufffd\ufffd \uffff\ufffe\u{10ffff}\ue000welle' },
        { name: 'Eva\ufffd', date: 'morgen\ufffd' },
        {},
        {},
        {},
      ]);
      await t.app.get(TraceWriteBehind).flush();
      const rows = await t.db.dataSource.query(
        `SELECT function_name, redacted_args FROM call_function_traces ORDER BY id`,
      );
      expect(rows).toEqual([
        {
          function_name: 'check_availability',
          redacted_args: { service: 'Dauer\ufffd\ufffd \uffff\ufffe\u{10ffff}\ue000welle' },
        },
        { function_name: 'book_appointment', redacted_args: expect.any(Object) },
        { function_name: 'check_customer', redacted_args: {} },
        { function_name: 'order_pizza\ufffd\ufffd', redacted_args: {} },
        { function_name: 'check_customer', redacted_args: {} },
        { function_name: 'check_customer', redacted_args: {} },
      ]);
      const calls = await t.db.dataSource.query(
        `SELECT agent_id, to_number, branch_id FROM calls WHERE id = ANY($1) ORDER BY id`,
        [[oddCall, oddLine]],
      );
      expect(calls).toEqual([
        { agent_id: 'agent\ufffd\ufffd', to_number: SALON_LINE, branch_id: t.branchId },
        { agent_id: 'agent_haarmonie_demo', to_number: '\ufffd\ufffd', branch_id: t.branchId },
      ]);
    });

    it('writes nothing for a call without a real id', async () => {
      await t.post(FUNCTION_CALL, functionCall('check_customer', {}, { call_id: 'call_1' }));
      await t.app.get(TraceWriteBehind).flush();
      const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM calls`);
      expect(n).toBe(0);
    });

    it('a failing trace does not fail the answer', async () => {
      await t.db.dataSource.query(
        `ALTER TABLE call_function_traces ADD CONSTRAINT no_traces_now CHECK (false) NOT VALID`,
      );
      try {
        const res = await t.post(FUNCTION_CALL, functionCall('check_customer'));
        expect(res.status).toBe(200);
        expect(res.body.code).toBe('OK');
        // The refused write is logged and dropped, not retried forever or thrown.
        await t.app.get(TraceWriteBehind).flush();
        const [{ n }] = await t.db.dataSource.query(
          `SELECT count(*)::int AS n FROM call_function_traces`,
        );
        expect(n).toBe(0);
      } finally {
        await t.db.dataSource.query(
          `ALTER TABLE call_function_traces DROP CONSTRAINT no_traces_now`,
        );
      }
    });
  });
});
