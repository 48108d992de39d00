import { joinGerman } from './german-messages';

describe('joinGerman', () => {
  it.each<[string[], 'und' | 'oder', string]>([
    [[], 'und', ''],
    [['Föhnen'], 'und', 'Föhnen'],
    [['Föhnen', 'Färben'], 'oder', 'Föhnen oder Färben'],
    [['A', 'B', 'C'], 'und', 'A, B und C'],
  ])('%j %s → %s', (items, conjunction, expected) => {
    expect(joinGerman(items, conjunction)).toBe(expected);
  });

  it('joins with "und" by default', () => {
    expect(joinGerman(['A', 'B'])).toBe('A und B');
  });
});
