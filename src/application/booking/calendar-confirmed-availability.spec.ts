import { AlternativesOptions } from '../../domain/availability/availability-engine';
import { SlotTaken } from '../../domain/availability/availability.errors';
import { FreeStart } from '../../domain/availability/free-start';
import { OfferCandidates } from '../../domain/availability/offer-choice';
import { Service } from '../../domain/salon/service';
import { Staff } from '../../domain/salon/staff';
import { err, ok } from '../../domain/shared/result';
import { BranchContext } from '../ports/salon-catalog.port';
import { WishAvailability } from './availability.reader';
import { CalendarCheck, CalendarVerdict } from './calendar-check';
import { confirmedAlternatives, confirmStart } from './calendar-confirmed-availability';

const WISH = new Date('2026-11-27T09:00:00Z');
const free = (staffId: string, minutes: number): FreeStart => ({
  staffId,
  start: new Date(WISH.getTime() + minutes * 60_000),
  end: new Date(WISH.getTime() + (minutes + 30) * 60_000),
});
const label = (f: FreeStart) => {
  const minutes = (f.start.getTime() - WISH.getTime()) / 60_000;
  return `${f.staffId}${minutes >= 0 ? '+' : ''}${minutes}`;
};

/** Local candidates by distance: anna's first when preferred, then anyone's. */
function availability(own: FreeStart[], anyone: FreeStart[]) {
  const asked: Array<[string | undefined, number]> = [];
  const insisted: boolean[] = [];
  const listed = (options: AlternativesOptions) => {
    const { preferredStaffId: preferred, count = 2 } = options;
    asked.push([preferred, count]);
    insisted.push(options.onlyPreferred === true);
    return (preferred ? own : anyone).slice(0, count);
  };
  const fake = {
    alternatives: async (_wish: Date, options: AlternativesOptions = {}) => listed(options),
    candidates: async (_wish: Date, options: AlternativesOptions) =>
      new OfferCandidates(listed(options), {
        stylistNamed: options.preferredStaffId !== undefined,
        localDateOf: (d) => d.toISOString().slice(0, 10),
      }),
  };
  return { fake: fake as unknown as WishAvailability, asked, insisted };
}

const calendar = (verdicts: Record<string, CalendarVerdict>) =>
  ({ judge: async (f: FreeStart) => verdicts[label(f)] ?? 'local' }) as unknown as CalendarCheck;

describe('confirmedAlternatives', () => {
  const own = [free('anna', 15), free('anna', -15), free('anna', 30), free('anna', -30)];
  const anyone = [free('ben', 15), free('anna', 15), free('ben', -15)];

  it('keeps the nearest two and reads no more when Cal.com refuses none', async () => {
    const { fake, asked } = availability(own, anyone);
    const got = await confirmedAlternatives(fake, calendar({ 'anna+15': 'offered' }), WISH, 'anna');
    expect(got.starts.map(label)).toEqual(['anna+15', 'anna-15']);
    expect(got.verdicts).toEqual(['offered', 'local']);
    expect(asked).toEqual([['anna', 2]]);
  });

  it('reads more candidates when some are refused, in the local order', async () => {
    const { fake, asked } = availability(own, anyone);
    const got = await confirmedAlternatives(
      fake,
      calendar({ 'anna+15': 'refused', 'anna-15': 'offered', 'anna+30': 'offered' }),
      WISH,
      'anna',
    );
    expect(got.starts.map(label)).toEqual(['anna-15', 'anna+30']);
    expect(asked).toEqual([
      ['anna', 2],
      ['anna', 10],
    ]);
  });

  it('falls back to anyone’s starts when the asked stylist has too few left', async () => {
    const { fake } = availability(own, anyone);
    const refused: Record<string, CalendarVerdict> = {};
    for (const f of own) refused[label(f)] = 'refused';
    const got = await confirmedAlternatives(fake, calendar(refused), WISH, 'anna');
    expect(got.starts.map(label)).toEqual(['ben+15', 'ben-15']);
  });

  it('never falls back to anyone’s starts when the caller insisted on the stylist', async () => {
    const { fake, asked, insisted } = availability(own, anyone);
    const refused: Record<string, CalendarVerdict> = {};
    for (const f of own) refused[label(f)] = 'refused';
    const got = await confirmedAlternatives(fake, calendar(refused), WISH, 'anna', true);
    expect(got.starts).toEqual([]);
    expect(asked).toEqual([
      ['anna', 2],
      ['anna', 10],
    ]);
    expect(insisted).toEqual([true, true]);
  });

  it('chooses again by the same rules: a real choice, and the very time with another stylist', async () => {
    const ranked = [free('anna', 15), free('anna', -15), free('anna', 30), free('anna', 75)];
    const rules = { stylistNamed: true, localDateOf: (d: Date) => d.toISOString().slice(0, 10) };
    const fake = (sameTime?: FreeStart) =>
      ({
        alternatives: async () => ranked.slice(0, 2),
        candidates: async () =>
          new OfferCandidates(sameTime ? [...ranked, sameTime] : ranked, { ...rules, sameTime }),
      }) as unknown as WishAvailability;
    const refused = calendar({ 'anna+15': 'refused' });
    // anna+30 lies 45 minutes from anna-15: anna+75 is the real choice.
    const apart = await confirmedAlternatives(fake(), refused, WISH, 'anna');
    expect(apart.starts.map(label)).toEqual(['anna-15', 'anna+75']);
    const withBen = await confirmedAlternatives(fake(free('ben', 0)), refused, WISH, 'anna');
    expect(withBen.starts.map(label)).toEqual(['anna-15', 'ben+0']);
  });

  it('prefers confirmed starts and fills up with unchecked ones only when short', async () => {
    const { fake } = availability(own, anyone);
    const got = await confirmedAlternatives(
      fake,
      calendar({ 'anna+15': 'refused', 'anna-15': 'unchecked', 'anna+30': 'offered' }),
      WISH,
      'anna',
    );
    // anna-30 is 'local' (confirmed enough), so the unchecked anna-15 is not needed.
    expect(got.starts.map(label)).toEqual(['anna+30', 'anna-30']);

    const short = await confirmedAlternatives(
      availability(own.slice(0, 3), []).fake,
      calendar({ 'anna+15': 'refused', 'anna-15': 'unchecked', 'anna+30': 'offered' }),
      WISH,
      'anna',
    );
    expect(short.starts.map(label)).toEqual(['anna-15', 'anna+30']);
    expect(short.verdicts).toEqual(['unchecked', 'offered']);
  });
});

describe('confirmStart with no stylist asked for', () => {
  const stylists = ['anna', 'ben', 'cleo', 'dora'];
  const salon = {
    staff: stylists.map((id) => ({ id, offers: () => true })),
  } as unknown as BranchContext;
  const service = { id: 'cut', serviceIds: ['cut'] } as unknown as Service;
  /** Locally free at the wish for every stylist but those named busy. */
  const local = (busy: string[] = []) =>
    ({
      check: (start: Date, stylist?: Staff) => {
        const id = stylist?.id ?? 'anna';
        return busy.includes(id) ? err(new SlotTaken('appointment')) : ok(free(id, 0));
      },
    }) as unknown as WishAvailability;
  /**
   * Cal.com answering after a turn of the event loop, counting how many questions overlap. A
   * stylist named in `never` gets no answer at all.
   */
  function slowCalendar(verdicts: Record<string, CalendarVerdict>, never: string[] = []) {
    const seen = { asked: [] as string[], inFlight: 0, mostAtOnce: 0 };
    const check = {
      judge: async (f: FreeStart) => {
        seen.asked.push(f.staffId);
        seen.inFlight++;
        seen.mostAtOnce = Math.max(seen.mostAtOnce, seen.inFlight);
        if (never.includes(f.staffId)) await new Promise(() => undefined);
        await new Promise((r) => setTimeout(r, 5));
        seen.inFlight--;
        return verdicts[f.staffId] ?? 'offered';
      },
    } as unknown as CalendarCheck;
    return { check, seen };
  }

  it.each([
    // [Cal.com's verdicts, locally busy, stylist booked, verdicts answered]
    [{}, [], 'anna', ['offered']],
    [{ anna: 'refused' }, [], 'ben', ['refused', 'offered']],
    [{ anna: 'refused', ben: 'refused' }, [], 'cleo', ['refused', 'refused', 'offered']],
    [{ anna: 'refused', ben: 'refused' }, ['cleo'], 'dora', ['refused', 'refused', 'offered']],
    [{ anna: 'refused', ben: 'unchecked' }, [], 'ben', ['refused', 'unchecked']],
    [{ anna: 'refused' }, ['ben'], 'cleo', ['refused', 'offered']],
  ] as const)(
    'Cal.com says %j, locally busy %j: books %s',
    async (verdicts, busy, booked, answered) => {
      const { check } = slowCalendar(verdicts);
      const got = await confirmStart(local([...busy]), check, salon, service, WISH, undefined);
      expect(got.result.ok && got.result.value.staffId).toBe(booked);
      expect(got.verdicts).toEqual(answered);
    },
  );

  it('asks about the other stylists at once after the first refusal, not one after another', async () => {
    const { check, seen } = slowCalendar({ anna: 'refused', ben: 'refused', cleo: 'refused' });
    const got = await confirmStart(local(), check, salon, service, WISH, undefined);
    expect(got.result.ok && got.result.value.staffId).toBe('dora');
    expect(seen.asked).toEqual(['anna', 'ben', 'cleo', 'dora']);
    expect(seen.mostAtOnce).toBe(3);
  });

  it('takes a stylist as soon as their own answer is in, without waiting for later ones', async () => {
    const { check, seen } = slowCalendar({ anna: 'refused' }, ['cleo', 'dora']);
    const got = await confirmStart(local(), check, salon, service, WISH, undefined);
    expect(got.result.ok && got.result.value.staffId).toBe('ben');
    expect(got.verdicts).toEqual(['refused', 'offered']);
    expect(seen.asked).toEqual(['anna', 'ben', 'cleo', 'dora']);
  });

  it('a question that fails after a stylist was taken is no unhandled rejection', async () => {
    const failing = {
      judge: async (f: FreeStart) => {
        if (f.staffId === 'anna') return 'refused';
        if (f.staffId === 'ben') return 'offered';
        await new Promise((r) => setTimeout(r, 5));
        throw new Error('mapping lookup failed');
      },
    } as unknown as CalendarCheck;
    const unhandled: unknown[] = [];
    const note = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', note);
    try {
      const got = await confirmStart(local(), failing, salon, service, WISH, undefined);
      expect(got.result.ok && got.result.value.staffId).toBe('ben');
      await new Promise((r) => setTimeout(r, 30));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', note);
    }
  });

  it('answers taken when Cal.com refuses every stylist free locally', async () => {
    const { check } = slowCalendar({ anna: 'refused', ben: 'refused', cleo: 'refused' });
    const got = await confirmStart(local(['dora']), check, salon, service, WISH, undefined);
    expect(got.result.ok).toBe(false);
    expect(!got.result.ok && got.result.error).toBeInstanceOf(SlotTaken);
    expect(got.verdicts).toEqual(['refused', 'refused', 'refused']);
  });

  it('tries no one else when a stylist was asked for', async () => {
    const { check, seen } = slowCalendar({ anna: 'refused' });
    const anna = salon.staff[0];
    const got = await confirmStart(local(), check, salon, service, WISH, anna);
    expect(got.result.ok).toBe(false);
    expect(seen.asked).toEqual(['anna']);
  });
});
