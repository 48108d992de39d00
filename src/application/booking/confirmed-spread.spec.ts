import { FreeStart } from '../../domain/availability/free-start';
import { CalendarCheck, CalendarVerdict } from './calendar-check';
import { confirmedSpread, firstConfirmed } from './confirmed-spread';

const BASE = Date.UTC(2026, 10, 27, 8);
const free = (minute: number, staffId = 'mehmet'): FreeStart => ({
  staffId,
  start: new Date(BASE + minute * 60_000),
  end: new Date(BASE + (minute + 30) * 60_000),
});
const day = (to: number, staffId?: string) =>
  Array.from({ length: to / 15 + 1 }, (_, i) => free(i * 15, staffId));
const minutes = (starts: FreeStart[]) => starts.map((s) => (s.start.getTime() - BASE) / 60_000);

/** A Cal.com that refuses some starts (by minute and stylist) and records what it was asked. */
function calendar(refuses: (f: FreeStart) => boolean, otherwise: CalendarVerdict = 'offered') {
  const asked: FreeStart[] = [];
  const check = {
    judge: async (f: FreeStart) => {
      asked.push(f);
      return refuses(f) ? 'refused' : otherwise;
    },
  } as unknown as CalendarCheck;
  return { check, asked };
}

describe('confirmedSpread', () => {
  it('keeps the spread when Cal.com refuses none', async () => {
    const { check, asked } = calendar(() => false);
    const got = await confirmedSpread(day(540), check, 3);
    expect(minutes(got.starts)).toEqual([0, 270, 540]);
    expect(got.verdicts).toEqual(['offered', 'offered', 'offered']);
    expect(asked).toHaveLength(3);
  });

  it('spreads again over what Cal.com did not refuse', async () => {
    // Cal.com has the whole morning booked (before 11:00 local, minute 120 here).
    const { check } = calendar((f) => minutes([f])[0] < 120);
    const got = await confirmedSpread(day(540), check, 3);
    expect(minutes(got.starts)).toEqual([120, 330, 540]);
    expect(got.verdicts).not.toContain('refused');
  });

  it('a start refused for one stylist may still be had with another', async () => {
    const both = [free(0, 'anna'), free(0, 'lena'), free(60, 'anna')];
    const { check } = calendar((f) => f.staffId === 'anna' && minutes([f])[0] === 0);
    const got = await confirmedSpread(both, check, 3);
    expect(got.starts.map((s) => [minutes([s])[0], s.staffId])).toEqual([
      [0, 'lena'],
      [60, 'anna'],
    ]);
  });

  it('gives nothing when Cal.com refuses everything, and keeps unchecked starts', async () => {
    expect((await confirmedSpread(day(120), calendar(() => true).check, 3)).starts).toEqual([]);
    const unchecked = await confirmedSpread(day(120), calendar(() => false, 'unchecked').check, 2);
    expect(unchecked.verdicts).toEqual(['unchecked', 'unchecked']);
    // Refused in part, and the rest unchecked: unchecked starts fill up, by start.
    const partly = calendar((f) => minutes([f])[0] === 0, 'unchecked');
    expect(minutes((await confirmedSpread(day(120), partly.check, 2)).starts)).toEqual([15, 120]);
  });

  it('firstConfirmed takes the first start Cal.com does not refuse', async () => {
    const { check } = calendar((f) => minutes([f])[0] < 45);
    expect(minutes([(await firstConfirmed(day(120), check))!.first])).toEqual([45]);
    expect(await firstConfirmed(day(120), calendar(() => true).check)).toBeUndefined();
  });
});
