import fc from 'fast-check';
import { CompactBusy, readCompactBusy } from './compact-busy-text';

const INITIAL: Readonly<Record<string, string>> = { appointment: 'a', hold: 'h', calendar: 'c' };
const write = (all: readonly CompactBusy[]): string =>
  all.map((b) => `${b.staffPosition},${INITIAL[b.kind]},${b.startMs},${b.endMs}`).join(';');
const read = (text: string): CompactBusy[] => {
  const out: CompactBusy[] = [];
  readCompactBusy(text, (b) => out.push(b));
  return out;
};

describe('readCompactBusy', () => {
  it('reads back exactly what was written, any number of intervals', () => {
    const busy = fc.record({
      staffPosition: fc.integer({ min: 1, max: 500 }),
      kind: fc.constantFrom<CompactBusy['kind']>('appointment', 'hold', 'calendar'),
      startMs: fc.integer({ min: -8_640_000_000_000, max: 8_640_000_000_000 }),
      endMs: fc.integer({ min: -8_640_000_000_000, max: 8_640_000_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(busy, { maxLength: 200 }), (all) => {
        expect(read(write(all))).toEqual(all);
      }),
    );
  });

  it('reads nothing from an empty text', () => {
    expect(read('')).toEqual([]);
  });

  it('refuses a text that is not its shape instead of making up intervals', () => {
    for (const bad of ['1,x,0,1', '1,a,,1', 'a,a,0,1', '1,a,0', '1;a;0;1', '1,ab,0,1']) {
      expect(() => read(bad)).toThrow(/busy text/);
    }
  });
});
