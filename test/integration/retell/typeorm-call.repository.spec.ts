import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TypeOrmCallRepository } from '../../../src/adapters/outbound/persistence/repositories/typeorm-call.repository';
import { TypeOrmSalonWriter } from '../../../src/adapters/outbound/persistence/typeorm-salon.writer';
import { ImportSalonUseCase } from '../../../src/application/salon-file/import-salon.use-case';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

const CALL = 'call_119c3f8e47135a29e65947eeb34cf12d';
const T0 = new Date('2026-11-26T14:00:00Z');
const T1 = new Date('2026-11-26T14:03:05Z');

describe('TypeOrmCallRepository (real Postgres)', () => {
  let db: TestDatabase;
  let calls: TypeOrmCallRepository;
  let companyId: string;
  let branchId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const file = JSON.parse(
      readFileSync(join(__dirname, '../../../fixtures/demo-salon.json'), 'utf8'),
    );
    const imported = await new ImportSalonUseCase(new TypeOrmSalonWriter(db.dataSource)).execute(
      file,
    );
    if (!imported.ok) throw new Error('demo salon did not import');
    companyId = imported.value.companyId;
    branchId = Object.values(imported.value.branchIds)[0];
    calls = new TypeOrmCallRepository(db.dataSource);
  });
  afterAll(() => db.drop());
  beforeEach(() => db.dataSource.query(`DELETE FROM call_function_traces; DELETE FROM calls`));

  it('upsertStarted keeps the first known facts and fills gaps', async () => {
    await calls.upsertStarted({ callId: CALL, fromNumber: '+4915112345678' });
    await calls.upsertStarted({
      callId: CALL,
      companyId,
      branchId,
      fromNumber: '+4915199999999',
      toNumber: '+4930901820',
      agentVersion: 3,
      startedAt: T0,
    });
    const call = (await calls.findById(CALL))!;
    expect(call.companyId).toBe(companyId);
    expect(call.branchId).toBe(branchId);
    expect(call.fromNumber).toBe('+4915112345678');
    expect(call.toNumber).toBe('+4930901820');
    expect(call.agentVersion).toBe(3);
    expect(call.startedAt).toEqual(T0);
    expect(call.status).toBe('ongoing');
  });

  it('markEnded records the first end only', async () => {
    await calls.upsertStarted({ callId: CALL, companyId, startedAt: T0 });
    await calls.markEnded({
      callId: CALL,
      endedAt: T1,
      status: 'ended',
      disconnectionReason: 'user_hangup',
    });
    await calls.markEnded({
      callId: CALL,
      endedAt: new Date(T1.getTime() + 60_000),
      status: 'error',
      disconnectionReason: 'error_unknown',
    });
    const call = (await calls.findById(CALL))!;
    expect(call.endedAt).toEqual(T1);
    expect(call.status).toBe('ended');
    const [row] = await db.dataSource.query(`SELECT disconnection_reason FROM calls`);
    expect(row.disconnection_reason).toBe('user_hangup');
  });

  it('appendTrace creates the call when needed and stores redacted arguments', async () => {
    await calls.appendTrace(
      { callId: CALL, companyId, branchId },
      {
        name: 'book_appointment',
        args: { name: 'Erika', date: '2026-12-04', note: 'ruf mich an: 0151 1234567' },
        latencyMs: 12.6,
        outcome: 'OK',
        at: T0,
      },
    );
    await calls.appendTrace(
      { callId: CALL },
      { name: 'x'.repeat(100), args: ['raw'], latencyMs: -5, outcome: 'O'.repeat(100), at: T1 },
    );
    const call = (await calls.findById(CALL))!;
    expect(call.trace).toHaveLength(2);
    expect(call.trace[0]).toMatchObject({
      name: 'book_appointment',
      args: { name: '[redacted]', date: '2026-12-04', note: 'ruf mich an: [redacted]' },
      latencyMs: 13,
      outcome: 'OK',
    });
    expect(call.trace[1]).toMatchObject({ args: { value: ['raw'] }, latencyMs: 0 });
    expect(call.trace[1].name).toHaveLength(64);
  });

  it('recordAnalysis stores only the facts it is given', async () => {
    await calls.recordAnalysis(
      { callId: CALL, companyId },
      { callSuccessful: true, userSentiment: 'Neutral', customAnalysisKeys: ['booked'] },
    );
    const [row] = await db.dataSource.query(`SELECT analysis FROM calls`);
    expect(row.analysis).toEqual({
      call_successful: true,
      user_sentiment: 'Neutral',
      custom_analysis_keys: ['booked'],
    });
  });

  it('ids that cannot be stored are skipped, unknown ids are null', async () => {
    await calls.upsertStarted({ callId: 'c'.repeat(129) });
    await calls.upsertStarted({ callId: '   ' });
    expect(await calls.findById('c'.repeat(129))).toBeNull();
    expect(await calls.findById('call_unknown_aaaaaaaaaaaaaaaa')).toBeNull();
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM calls`);
    expect(n).toBe(0);
  });
});
