import { FreeStart } from '../../domain/availability/free-start';
import { WishAvailability } from './availability.reader';
import { CalendarCheck, CalendarVerdict } from './calendar-check';
import { confirmedAlternatives } from './calendar-confirmed-availability';

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
  const fake = {
    alternatives: async (_wish: Date, preferred?: string, count = 2) => {
      asked.push([preferred, count]);
      return (preferred ? own : anyone).slice(0, count);
    },
  };
  return { fake: fake as unknown as WishAvailability, asked };
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
