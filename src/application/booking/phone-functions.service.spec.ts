import { PhoneTraffic } from '../calls/phone-traffic';
import { BranchContext } from '../ports/salon-catalog.port';
import { answer } from './function-answer';
import { PhoneFunctionsService } from './phone-functions.service';

/** Each function call counts as live-call traffic while it is being answered. */
describe('PhoneFunctionsService and PhoneTraffic', () => {
  const salon = { companyId: 'c1' } as BranchContext;
  const call = { companyId: 'c1', branchId: 'b1', callId: 'call_1', callerNumber: null, salon };

  function service(traffic: PhoneTraffic | undefined, seen: boolean[], fail = false) {
    const useCase = {
      execute: async () => {
        seen.push(traffic?.answering ?? false);
        if (fail) throw new Error('boom');
        return answer('OK', 'gut');
      },
    };
    const catalog = { branchContext: async () => salon };
    const ctor = PhoneFunctionsService as unknown as new (
      ...deps: unknown[]
    ) => PhoneFunctionsService;
    return new ctor(
      catalog,
      useCase,
      useCase,
      useCase,
      useCase,
      useCase,
      useCase,
      useCase,
      traffic,
    );
  }

  it('marks the process as answering during the function call, and as quiet after it', async () => {
    jest.useFakeTimers();
    const traffic = new PhoneTraffic(1000);
    const seen: boolean[] = [];
    try {
      const result = await service(traffic, seen).run('book_appointment', call, {});
      expect(result.code).toBe('OK');
      expect(seen).toEqual([true]);
      await expect(
        service(traffic, seen, true).run('check_availability', call, {}),
      ).rejects.toThrow('boom');
      expect(seen).toEqual([true, true]);
      jest.advanceTimersByTime(1000);
      expect(traffic.answering).toBe(false);
    } finally {
      traffic.stop();
      jest.useRealTimers();
    }
  });

  it('answers the same without traffic counting', async () => {
    const seen: boolean[] = [];
    const result = await service(undefined, seen).run('list_appointments', call, {});
    expect(result.code).toBe('OK');
    expect(seen).toEqual([false]);
  });
});
