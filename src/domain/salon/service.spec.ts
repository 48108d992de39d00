import { Service, ServiceDefinition } from './service';
import { busy, free } from './service-segment';

const base = { id: 's1', name: 'Dauerwelle' };
const perm = Service.segmented({ ...base, synonyms: [' Perm ', ''], bufferAfterMinutes: 5 }, [
  busy(30),
  free(40),
  busy(20),
  free(10),
  busy(25),
]);

describe('Service', () => {
  it('knows duration, span and its busy steps', () => {
    expect([perm.durationMinutes, perm.spanMinutes, perm.isComposite]).toEqual([125, 130, true]);
    expect(perm.synonyms).toEqual(['Perm']);
    expect(perm.busyOffsets()).toEqual([
      { from: 0, to: 30 },
      { from: 70, to: 90 },
      { from: 100, to: 125 },
      { from: 125, to: 130 },
    ]);
  });

  it('lays itself out at a start, the buffer last and flagged', () => {
    const start = new Date('2026-06-15T08:00:00Z');
    const layout = perm.layoutAt(start);
    expect(layout.map((p) => [p.sequence, p.range.minutes, p.staffBusy, p.isBuffer])).toEqual([
      [1, 30, true, false],
      [2, 40, false, false],
      [3, 20, true, false],
      [4, 10, false, false],
      [5, 25, true, false],
      [6, 5, true, true],
    ]);
    expect(layout[5].range.end.toISOString()).toBe('2026-06-15T10:10:00.000Z');
  });

  it('a simple service is one busy step', () => {
    const cut = Service.simple({ id: 'c', name: 'Schnitt' }, 30);
    expect(cut.isComposite).toBe(false);
    expect(cut.segments).toEqual([{ minutes: 30, staffBusy: true }]);
    expect([cut.minNoticeMinutes, cut.bookingHorizonDays, cut.bufferAfterMinutes]).toEqual([
      0, 90, 0,
    ]);
  });

  it.each<[string, ServiceDefinition]>([
    ['empty name', { ...base, name: '  ', durationMinutes: 30 }],
    ['too short', { ...base, durationMinutes: 10 }],
    ['too long', { ...base, durationMinutes: 481 }],
    ['fractional minutes', { ...base, durationMinutes: 30.5 }],
    ['no segments', { ...base, segments: [] }],
    ['a segment under 5 minutes', { ...base, segments: [busy(20), free(4)] }],
    ['nothing for the stylist', { ...base, segments: [free(30)] }],
    ['segments summing over 480', { ...base, segments: [busy(300), free(200)] }],
    ['negative buffer', { ...base, durationMinutes: 30, bufferAfterMinutes: -5 }],
    ['negative notice', { ...base, durationMinutes: 30, minNoticeMinutes: -1 }],
    ['zero horizon', { ...base, durationMinutes: 30, bookingHorizonDays: 0 }],
  ])('refuses %s', (_case, def) => {
    const r = Service.create(def);
    expect(r).toMatchObject({ ok: false, error: { code: 'SALON.INVALID_SERVICE' } });
    expect(() => Service.restore(def)).toThrow(RangeError);
  });

  it.each([15, 480])('accepts %i minutes', (minutes) => {
    expect(Service.create({ ...base, durationMinutes: minutes }).ok).toBe(true);
  });
});
