import fc from 'fast-check';
import { sameFullName } from './full-name.match';

describe('sameFullName', () => {
  it.each<[string, string, boolean]>([
    ['Anna Müller', 'Anna Müller', true],
    ['Anna Müller', 'anna müller', true],
    ['Anna Müller', 'Anna Mueller', true],
    ['Anna Müller', 'Müller, Anna', true],
    ['Anna Müller', '  Anna   Müller ', true],
    ['Anna', 'Anna', true],
    ['Anna Müller', 'Anna', false],
    ['Anna Müller', 'Müller', false],
    ['Anna Müller', 'Anna Maria Müller', false],
    ['Anna Maria Müller', 'Anna Müller', false],
    ['Anna Müller', 'Anna Müllerova', false],
    ['Anna Müller', 'Hanna Müller', false],
    ['Anna Müller', '', false],
    ['', '', false],
    ['Anna Müller', '%', false],
    ['Anna Müller', 'Anna Müller Anna', false],
  ])('%j said as %j → %s', (stored, spoken, same) => {
    expect(sameFullName(stored, spoken)).toBe(same);
  });

  it('is symmetric, and a name said with one word left out never matches', () => {
    const word = fc.stringMatching(/^[A-Za-zÄÖÜäöü]{2,10}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 4 }), fc.nat(), (parts, drop) => {
        const full = parts.join(' ');
        const shorter = parts.filter((_, i) => i !== drop % parts.length).join(' ');
        expect(sameFullName(full, full)).toBe(true);
        expect(sameFullName(full, shorter)).toBe(sameFullName(shorter, full));
        expect(sameFullName(full, shorter)).toBe(false);
      }),
    );
  });
});
