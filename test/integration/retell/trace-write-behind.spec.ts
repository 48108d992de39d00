import { TypeOrmCallRepository } from '../../../src/adapters/outbound/persistence/repositories/typeorm-call.repository';
import { TraceWriteBehind } from '../../../src/application/calls/trace-write-behind';
import { TracedFunctionCall } from '../../../src/application/ports/call.repository.port';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

const CALL_A = 'call_a19c3f8e47135a29e65947eeb34cf12d';
const CALL_B = 'call_b29c3f8e47135a29e65947eeb34cf12d';
const AT = new Date('2026-11-26T14:00:00Z');

const trace = (callId: string, name: string, extra: Partial<TracedFunctionCall['call']> = {}) => ({
  call: { callId, ...extra },
  entry: {
    name,
    args: { datum: 'morgen', name: 'Erika Muster' },
    latencyMs: 3.4,
    outcome: 'OK',
    at: AT,
  },
});

describe('TraceWriteBehind (real Postgres)', () => {
  let db: TestDatabase;
  let calls: TypeOrmCallRepository;

  beforeAll(async () => {
    db = await createTestDatabase();
    calls = new TypeOrmCallRepository(db.dataSource);
  });
  afterAll(() => db.drop());
  beforeEach(() => db.dataSource.query(`DELETE FROM call_function_traces; DELETE FROM calls`));

  const stored = () =>
    db.dataSource.query(
      `SELECT call_id, function_name, redacted_args, latency_ms FROM call_function_traces ORDER BY id`,
    );

  it('writes nothing until it flushes, then a whole batch in arrival order', async () => {
    const writes = jest.spyOn(calls, 'appendTraces');
    const traces = new TraceWriteBehind(calls, 60_000);
    await traces.record(trace(CALL_A, 'check_availability', { fromNumber: '+4915112345678' }));
    await traces.record(trace(CALL_B, 'check_customer'));
    await traces.record(trace(CALL_A, 'book_appointment', { fromNumber: '+4915199999999' }));
    expect(await stored()).toEqual([]);

    await traces.flush();
    expect(writes).toHaveBeenCalledTimes(1);
    expect((await stored()).map((r: { function_name: string }) => r.function_name)).toEqual([
      'check_availability',
      'check_customer',
      'book_appointment',
    ]);
    const [row] = await stored();
    expect(row).toMatchObject({ call_id: CALL_A, latency_ms: 3 });
    expect(row.redacted_args).toEqual({ datum: 'morgen', name: '[redacted]' });
    // One call row per call, with the first known facts, as single writes would keep them.
    const callRows = await db.dataSource.query(`SELECT id, from_number FROM calls ORDER BY id`);
    expect(callRows).toEqual([
      { id: CALL_A, from_number: '+4915112345678' },
      { id: CALL_B, from_number: null },
    ]);
    writes.mockRestore();
  });

  it('flushes by itself after the interval', async () => {
    const traces = new TraceWriteBehind(calls, 5);
    await traces.record(trace(CALL_A, 'get_current_context'));
    for (let i = 0; i < 200 && (await stored()).length === 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await stored()).toHaveLength(1);
  });

  it('with interval 0 the trace is stored before record() resolves', async () => {
    await new TraceWriteBehind(calls, 0).record(trace(CALL_A, 'check_customer'));
    expect(await stored()).toHaveLength(1);
  });

  it('a row the database refuses costs only itself', async () => {
    const traces = new TraceWriteBehind(calls, 60_000);
    await traces.record(trace(CALL_A, 'check_availability'));
    await traces.record({
      ...trace(CALL_B, 'book_appointment'),
      // Not a valid branch id: the foreign key refuses this row, and so the first batch.
      call: { callId: CALL_B, branchId: '00000000-0000-4000-8000-000000000000' },
    });
    await traces.record(trace(CALL_A, 'book_appointment'));
    await traces.flush();
    expect((await stored()).map((r: { call_id: string }) => r.call_id)).toEqual([CALL_A, CALL_A]);
  });

  it('keeps traces and calls whose text holds NUL or lone surrogates (Postgres refuses both)', async () => {
    const traces = new TraceWriteBehind(calls, 60_000);
    await traces.record({
      call: { callId: CALL_A, agentId: 'agent\u0000', toNumber: '+49\ud800' },
      entry: {
        name: 'check\u0000\udc00',
        args: { datum: 'morgen\ud800', 'art\u0000': ['\u0000', { deeper: '\udfff' }] },
        latencyMs: 1,
        outcome: 'OK\u0000',
        at: AT,
      },
    });
    await traces.record(trace(CALL_B, 'check_customer'));
    await traces.flush();
    expect(await stored()).toEqual([
      {
        call_id: CALL_A,
        function_name: 'check\ufffd\ufffd',
        redacted_args: { datum: 'morgen\ufffd', 'art\ufffd': ['\ufffd', { deeper: '\ufffd' }] },
        latency_ms: 1,
      },
      expect.objectContaining({ call_id: CALL_B }),
    ]);
    await calls.upsertStarted({ callId: CALL_B, agentId: '\ud800agent\u0000' });
    await calls.recordAnalysis(
      { callId: CALL_B },
      { userSentiment: 'Neutral\u0000', customAnalysisKeys: ['k\ud800'] },
    );
    expect(
      await db.dataSource.query(`SELECT id, agent_id, to_number, analysis FROM calls ORDER BY id`),
    ).toEqual([
      { id: CALL_A, agent_id: 'agent\ufffd', to_number: '+49\ufffd', analysis: null },
      {
        id: CALL_B,
        agent_id: '\ufffdagent\ufffd',
        to_number: null,
        analysis: { user_sentiment: 'Neutral\ufffd', custom_analysis_keys: ['k\ufffd'] },
      },
    ]);
  });

  it('shutdown writes what is pending', async () => {
    const traces = new TraceWriteBehind(calls, 60_000);
    await traces.record(trace(CALL_A, 'cancel_appointment'));
    await traces.beforeApplicationShutdown();
    expect(await stored()).toHaveLength(1);
  });

  it('skips call ids that cannot be stored', async () => {
    const traces = new TraceWriteBehind(calls, 0);
    await traces.record(trace('', 'check_customer'));
    await traces.record(trace('x'.repeat(200), 'check_customer'));
    expect(await stored()).toHaveLength(0);
  });
});
