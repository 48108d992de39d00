import { CustomerMentions, ERASED } from './customer-mentions';

const anna = CustomerMentions.of({
  name: 'Anna Muster',
  phone: '+4917652340088',
  email: 'anna.muster@example.org',
});

describe('CustomerMentions', () => {
  it.each([
    'Rückruf an +4917652340088',
    'Rückruf an +49 176 5234 0088',
    'Rückruf an 0049 176-52340088',
    'Rückruf an 0176/52340088',
    'Rückruf an +49 (0)176 52340088',
    'Rückruf an +49 0176 52340088',
    'Rückruf an 4917652340088',
    'Frau ANNA MUSTER ruft an',
    'schreibt an Anna.Muster@Example.org',
  ])('finds and erases the customer in %p', (text) => {
    expect(anna.mentionedIn(text)).toBe(true);
    const erased = anna.eraseFrom(text);
    expect(erased).toContain(ERASED);
    expect(anna.mentionedIn(erased)).toBe(false);
    expect(erased.replace(/\D/g, '')).not.toContain('17652340088');
  });

  it.each([
    'Termin am 27.11.2026 um 10:00',
    'Rückruf an +4917652340089',
    'Rückruf an +49176523400881',
    'Anna Mustermann',
  ])('leaves %p alone', (text) => {
    expect(anna.mentionedIn(text)).toBe(false);
    expect(anna.eraseFrom(text)).toBe(text);
  });

  it('erases mentions in JSON strings and keys, leaving the shape', () => {
    const erased = anna.eraseFromJson({
      note: 'Anna Muster hat angerufen',
      list: ['+49 176 52340088', 7, null],
      'anna.muster@example.org': true,
    });
    expect(erased).toEqual({
      note: `${ERASED} hat angerufen`,
      list: [ERASED, 7, null],
      [ERASED]: true,
    });
  });

  it('spells the number as digits the ways it may be stored', () => {
    expect(anna.phoneDigitSpellings()).toEqual([
      '4917652340088',
      '004917652340088',
      '017652340088',
      '49017652340088',
    ]);
    expect(anna.nationalDigits).toBe('17652340088');
  });

  it('ignores names too short to tell apart from ordinary words, and a missing number', () => {
    const al = CustomerMentions.of({ name: 'Al', phone: null, email: null });
    expect(al.mentionedIn('Also Alles klar')).toBe(false);
    expect(al.phoneDigitSpellings()).toEqual([]);
  });
});
