import { Call, NewCall } from './call';
import { REDACTED } from './redact-args';

const REAL = 'call_119c3f8e47135a29e65947eeb34cf12d';
const START = new Date('2026-09-14T08:00:00Z');
const input: NewCall = {
  callId: REAL,
  companyId: 'c1',
  branchId: 'b1',
  fromNumber: '+49301234567',
  toNumber: '+49309876543',
  agentId: 'agent_1',
  agentVersion: 3,
  startedAt: START,
};

function started(): Call {
  const result = Call.start(input);
  if (!result.ok) throw new Error('expected a call');
  return result.value;
}

describe('Call', () => {
  it('starts ongoing with an empty trace', () => {
    const call = started();
    expect(call.toProps()).toEqual({ ...input, status: 'ongoing', trace: [] });
    expect([call.callId, call.companyId, call.branchId]).toEqual([REAL, 'c1', 'b1']);
    expect([call.fromNumber, call.toNumber]).toEqual(['+49301234567', '+49309876543']);
    expect([call.agentId, call.agentVersion, call.startedAt]).toEqual(['agent_1', 3, START]);
    expect([call.endedAt, call.status, call.isLive]).toEqual([undefined, 'ongoing', true]);
  });

  it.each([['call_1'], ['{{call_id}}'], ['']])('refuses to start under placeholder %j', (id) => {
    const result = Call.start({ ...input, callId: id });
    expect(!result.ok && result.error.code).toBe('CALL.NO_CALL_ID');
  });

  it('ends once; later end events change nothing', () => {
    const end = new Date('2026-09-14T08:05:00Z');
    const first = started().end(end);
    expect(first.ok && [first.value.status, first.value.endedAt, first.value.isLive]).toEqual([
      'ended',
      end,
      false,
    ]);
    const again = first.ok && first.value.end(new Date('2026-09-14T09:00:00Z'), 'error');
    expect(again && again.ok && again.value.endedAt).toEqual(end);
  });

  it('refuses an end before the start', () => {
    const result = started().end(new Date('2026-09-14T07:59:00Z'), 'not_connected');
    expect(!result.ok && result.error.code).toBe('CALL.ENDS_BEFORE_START');
  });

  it('records function calls with redacted args, leaving the original call unchanged', () => {
    const call = started();
    const at = new Date('2026-09-14T08:01:00Z');
    const traced = call.recordFunctionCall({
      name: 'book_appointment',
      args: { name: 'Anna', service: 'Dauerwelle', date: '2026-09-18', time: '10:00' },
      latencyMs: 41.6,
      outcome: 'OK',
      at,
    });
    expect(call.trace).toEqual([]);
    expect(traced.trace).toEqual([
      {
        name: 'book_appointment',
        args: { name: REDACTED, service: 'Dauerwelle', date: '2026-09-18', time: '10:00' },
        latencyMs: 42,
        outcome: 'OK',
        at,
      },
    ]);
  });

  it('restores from stored props as they were', () => {
    const props = { ...input, status: 'ended' as const, endedAt: START, trace: [] };
    expect(Call.restore(props).toProps()).toEqual(props);
  });
});
