import { CheckAvailabilityOutcome } from '../../../application/booking/check-availability.use-case';
import { PhoneTraffic } from '../../../application/calls/phone-traffic';
import { BranchContext } from '../../../application/ports/salon-catalog.port';
import { PhoneFunctionsDispatcher } from './phone-functions.dispatcher';

/** Each function call counts as live-call traffic while it is being answered. */
describe('PhoneFunctionsDispatcher and PhoneTraffic', () => {
  const salon = { companyId: 'c1', branch: { timeZone: 'Europe/Berlin' } } as BranchContext;
  const call = { companyId: 'c1', branchId: 'b1', callId: 'call_1', callerNumber: null, salon };
  const timeMissing: CheckAvailabilityOutcome = { kind: 'refused', reason: 'WHEN_MISSING' };

  function dispatcher(traffic: PhoneTraffic, seen: boolean[], fail = false) {
    const useCase = {
      execute: async () => {
        seen.push(traffic.answering);
        if (fail) throw new Error('boom');
        return { kind: 'appointments', appointments: [] };
      },
    };
    const checking = {
      execute: async () => {
        seen.push(traffic.answering);
        if (fail) throw new Error('boom');
        return timeMissing;
      },
    };
    const catalog = { branchContext: async () => salon };
    const ctor = PhoneFunctionsDispatcher as unknown as new (
      ...deps: unknown[]
    ) => PhoneFunctionsDispatcher;
    return new ctor(
      catalog,
      useCase,
      useCase,
      checking,
      useCase,
      useCase,
      useCase,
      useCase,
      traffic,
      { execute: () => ({ kind: 'refused', refusal: {} }) },
      undefined,
      undefined,
      { now: () => new Date('2026-11-26T14:00:00Z') },
    );
  }

  it('marks the process as answering during the function call, and as quiet after it', async () => {
    jest.useFakeTimers();
    const traffic = new PhoneTraffic(1000);
    const seen: boolean[] = [];
    try {
      const result = await dispatcher(traffic, seen).run('list_appointments', call, {});
      expect(result.code).toBe('APPOINTMENT.NONE');
      expect(seen).toEqual([true]);
      await expect(
        dispatcher(traffic, seen, true).run('check_availability', call, {}),
      ).rejects.toThrow('boom');
      expect(seen).toEqual([true, true]);
      jest.advanceTimersByTime(1000);
      expect(traffic.answering).toBe(false);
    } finally {
      traffic.stop();
      jest.useRealTimers();
    }
  });

  const traffic = new PhoneTraffic(0);
  afterAll(() => traffic.stop());

  it('presents the outcome of the use case it picked', async () => {
    const result = await dispatcher(traffic, []).run('check_availability', call, {});
    expect(result).toEqual({
      success: false,
      code: 'LANGUAGE.DATE_NOT_UNDERSTOOD',
      message: 'An welchem Tag und um wie viel Uhr möchten Sie kommen?',
    });
  });

  it('answers for a salon it cannot find, or of another company', async () => {
    const elsewhere = { ...call, companyId: 'c2' };
    expect(await dispatcher(traffic, []).run('list_appointments', elsewhere, {})).toEqual({
      success: false,
      code: 'RETELL.UNKNOWN_SALON',
      message: 'Diesen Salon kann ich gerade leider nicht finden.',
    });
  });
});
