import { QueryFailedError } from 'typeorm';
import { answer, FunctionAnswer } from './answers/function-answer';
import { PhoneFunctions } from './phone-functions.dispatcher';
import { TraceWriteBehind } from '../../../application/calls/trace-write-behind';
import { PhoneMetrics } from '../../../application/ports/phone-metrics.port';
import { BranchContext } from '../../../application/ports/salon-catalog.port';
import { RetellFunctionCallHandler } from './retell-function-call.handler';
import { RetellTenantResolver } from './retell-tenant.resolver';

const branch = { companyId: 'co', branch: { id: 'b1' } } as unknown as BranchContext;
const CALL = { call_id: 'call_a7f3c9e1b5d2846f0e9a1c3b5d7f9e2a', to_number: '+4930901820' };

/** What the handler reports to monitoring about each answer. */
function handlerAnswering(result: FunctionAnswer) {
  const seen: Array<[string, boolean]> = [];
  const metrics: PhoneMetrics = {
    functionCall: () => undefined,
    booking: () => undefined,
    calendarVerified: (name, verified) => void seen.push([name, verified]),
  };
  const handler = new RetellFunctionCallHandler(
    { branchFor: async () => branch } as unknown as RetellTenantResolver,
    { record: async () => undefined } as unknown as TraceWriteBehind,
    { run: async () => result } as PhoneFunctions,
    metrics,
  );
  return { handler, seen };
}

describe('RetellFunctionCallHandler metrics', () => {
  it.each([true, false])('counts an answer with calendar_verified %s', async (verified) => {
    const t = handlerAnswering({ ...answer('OK', 'Frei.'), calendar_verified: verified });
    await t.handler.handle({ name: 'check_availability', args: {}, call: CALL });
    expect(t.seen).toEqual([['check_availability', verified]]);
  });

  it('counts nothing when no Cal.com calendar was involved', async () => {
    const t = handlerAnswering(answer('OK', 'Frei.'));
    await t.handler.handle({ name: 'check_availability', args: {}, call: CALL });
    expect(t.seen).toEqual([]);
  });
});

describe('RetellFunctionCallHandler when the database does not answer', () => {
  const failingWith = (error: Error) =>
    new RetellFunctionCallHandler(
      { branchFor: async () => branch } as unknown as RetellTenantResolver,
      { record: async () => undefined } as unknown as TraceWriteBehind,
      { run: async () => Promise.reject(error) } as unknown as PhoneFunctions,
    );

  it('says the calendar is out of reach for now, with a code of its own', async () => {
    const timedOut = new QueryFailedError('SELECT 1', [], new Error('Query read timeout'));
    const result = await failingWith(timedOut).handle({
      name: 'check_availability',
      args: {},
      call: CALL,
    });
    expect(result).toMatchObject({ success: false, code: 'SERVICE.TEMPORARILY_UNAVAILABLE' });
    expect(result.message.length).toBeLessThanOrEqual(200);
  });

  it('keeps INTERNAL.TEMPORARY for what is not the database', async () => {
    const result = await failingWith(new TypeError('undefined is not a function')).handle({
      name: 'check_availability',
      args: {},
      call: CALL,
    });
    expect(result.code).toBe('INTERNAL.TEMPORARY');
  });
});
