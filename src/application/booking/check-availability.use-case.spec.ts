import { SlotTaken } from '../../domain/availability/availability.errors';
import { AppConfig } from '../../config/app-config';
import { err, ok } from '../../domain/shared/result';
import { HoldRepository } from '../ports/hold.repository.port';
import { CheckAvailabilityUseCase } from './check-availability.use-case';
import { OpenAvailabilityUseCase } from './open-availability.use-case';
import {
  anna,
  freeFor,
  NOW,
  salon,
  scriptedAvailability,
  WISH,
  WISH_ARGS,
} from '../../../test/fixtures/phone-booking.fixture';

const call = (callId: string | null) => ({
  companyId: 'c1',
  branchId: 'b1',
  callId,
  callerNumber: null,
});
const config = { env: { HOLD_MINUTES: 3 } } as unknown as AppConfig;

function useCase(script: Parameters<typeof scriptedAvailability>[0], holdRefusals = 0) {
  const availability = scriptedAvailability(script);
  const placed: unknown[] = [];
  const holds = {
    place: async (_scope: unknown, hold: unknown) => {
      placed.push(hold);
      return placed.length <= holdRefusals ? err(new SlotTaken('hold')) : ok(undefined);
    },
  } as unknown as HoldRepository;
  const clock = { now: () => NOW };
  const asked: unknown[] = [];
  const open = {
    execute: async (_salon: unknown, _call: unknown, question: unknown) => {
      asked.push(question);
      return { kind: 'none-in-horizon' };
    },
  } as unknown as OpenAvailabilityUseCase;
  const check = new CheckAvailabilityUseCase(clock, holds, availability.service, config, open);
  return { check, placed, asked, ...availability };
}

describe('CheckAvailabilityUseCase', () => {
  it('a question without a time is an open one, not a precise check', async () => {
    const { check, questions, asked } = useCase({});
    expect(await check.execute(salon, call('call_1'), { service: 'Herrenhaarschnitt' })).toEqual({
      kind: 'none-in-horizon',
    });
    expect(asked).toEqual([expect.objectContaining({ when: { kind: 'any', window: undefined } })]);
    const dayOnly = { service: 'Herrenhaarschnitt', date: 'Freitag', time: 'nachmittags' };
    await check.execute(salon, call('call_1'), dayOnly);
    expect(asked[1]).toMatchObject({ when: { kind: 'day', window: { kind: 'afternoon' } } });
    expect(questions).toEqual([]);
  });

  it('an open question about a service it cannot read is asked back', async () => {
    const { check, asked } = useCase({});
    const outcome = await check.execute(salon, call('call_1'), { service: 'Blumenkohl' });
    expect(outcome).toMatchObject({ kind: 'refused', reason: 'SERVICE_UNCLEAR' });
    expect(asked).toEqual([]);
  });

  it('a free start is held for this call, with the verdicts behind it', async () => {
    const { check, placed, questions } = useCase({ verdicts: ['offered'] });
    const outcome = await check.execute(salon, call('call_1'), WISH_ARGS);
    expect(outcome).toMatchObject({
      kind: 'free',
      free: { staffId: 'anna', start: WISH },
      hold: { callId: 'call_1', staffId: 'anna' },
      verdicts: ['offered'],
    });
    expect(placed).toHaveLength(1);
    expect(questions[0]).toMatchObject({ start: WISH, now: NOW, askingCallId: 'call_1' });
  });

  it('without the call’s id nothing is held', async () => {
    const { check, placed } = useCase({});
    expect(await check.execute(salon, call(null), WISH_ARGS)).toMatchObject({
      kind: 'free',
      hold: null,
    });
    expect(placed).toEqual([]);
  });

  it('a start another call held first is read again, and given up after three tries', async () => {
    const { check, steps } = useCase({ judged: [freeFor(anna)] }, 3);
    expect(await check.execute(salon, call('call_1'), WISH_ARGS)).toMatchObject({
      kind: 'taken-meanwhile',
      asked: WISH,
    });
    expect(steps).toEqual(['ask', 'afresh', 'ask', 'afresh', 'ask', 'lost']);
  });

  it('a start not free is answered with why and the alternatives', async () => {
    const why = new SlotTaken('appointment');
    const { check, placed, questions } = useCase({ judged: [why], alternatives: [freeFor(anna)] });
    expect(
      await check.execute(salon, call('call_1'), { ...WISH_ARGS, staff: 'nur Anna' }),
    ).toMatchObject({
      kind: 'unavailable',
      why,
      stylist: anna,
      alternatives: [freeFor(anna)],
    });
    expect(placed).toEqual([]);
    expect(questions[0]).toMatchObject({ stylist: anna, onlyPreferred: true });
  });
});
