import fc from 'fast-check';
import { CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { parseCallbackNumber, spokenPhoneNumber } from './callback-number';

const NOT_UNDERSTOOD = 'BOOKING.CALLBACK_NUMBER_NOT_UNDERSTOOD';
const MOBILE = '+4917123456789';

describe('parseCallbackNumber', () => {
  it.each<[string, string, CountryCode?]>([
    // [said, E.164 or error code, branch country]
    ['null eins sieben eins zwei drei vier fünf sechs sieben acht neun', MOBILE],
    ['Null Eins Sieben Eins, zwei drei vier, fünf sechs sieben, acht neun', MOBILE],
    ['0171 23456789', MOBILE],
    ['0171-234 567 89', MOBILE],
    ['null 171 zwei drei vier 567 acht neun', MOBILE],
    ['plus vier neun eins sieben eins zwei drei vier fünf sechs sieben acht neun', MOBILE],
    ['+49 171 23456789', MOBILE],
    ['doppel-null vier neun eins sieben eins 23456789', MOBILE],
    ['doppel null vier neun 171 23456789', MOBILE],
    ['null null vier neun eins sieben eins 234 567 89', MOBILE],
    ['vier neun eins sieben eins zwei drei vier fünf sechs sieben acht neun', MOBILE],
    ['null hundert', NOT_UNDERSTOOD],
    ['null eins siebzig, zweiundzwanzig, dreiunddreißig, vierundvierzig, 55', '+4917022334455'],
    ['null eins siebzig zwei und zwanzig 33 44 55', '+4917022334455'],
    [
      'meine Nummer ist null eins sieben eins, äh, zwei drei vier fünf sechs sieben acht neun',
      MOBILE,
    ],
    ['null eins sieben eins doppel drei vier fünf sechs sieben acht neun', '+4917133456789'],
    ['null eins sieben eins dreimal die drei vier fünf sechs sieben acht', '+4917133345678'],
    ['null eins sieben eins zwei mal drei vier fünf sechs sieben acht neun', '+4917133456789'],
    ['null dreißig eins zwei drei vier fünf sechs sieben', '+49301234567'],
    ['Vorwahl null dreißig, dann eins zwei drei vier fünf sechs sieben', '+49301234567'],
    ['null sechs sechs vier eins zwei drei vier fünf sechs sieben', '+436641234567', 'AT'],
    ['plus vier drei sechs sechs vier eins zwei drei vier fünf sechs sieben', '+436641234567'],
    // no number
    ['', NOT_UNDERSTOOD],
    ['weiß ich nicht', NOT_UNDERSTOOD],
    ['null eins sieben eins', NOT_UNDERSTOOD],
    ['eins zwei drei', NOT_UNDERSTOOD],
    [
      'null eins sieben eins zwei drei vier fünf sechs sieben acht neun null eins zwei drei',
      NOT_UNDERSTOOD,
    ],
    [
      'null eins sieben eins zwei drei vier fünf sechs sieben acht neun bitte löschen',
      NOT_UNDERSTOOD,
    ],
    ['DROP TABLE customers; 0171 23456789', NOT_UNDERSTOOD],
    ['0171 23456789 plus', NOT_UNDERSTOOD],
    ['0900 1234567', NOT_UNDERSTOOD], // premium rate: the salon would pay
    ['110', NOT_UNDERSTOOD],
    ['doppel', NOT_UNDERSTOOD],
    ['null'.repeat(200), NOT_UNDERSTOOD],
  ])('%j → %s', (...[said, expected, country]) => {
    const parsed = parseCallbackNumber(said, country);
    expect(parsed.ok ? parsed.value : parsed.error.code).toBe(expected);
  });
});

describe('spokenPhoneNumber', () => {
  it.each<[string, string, CountryCode?]>([
    [MOBILE, '0 1 7 1, 2 3 4, 5 6 7, 8 9'],
    ['+49301234567', '0 3 0, 1 2 3, 4 5 6 7'],
    ['+491711234567', '0 1 7 1, 1 2 3, 4 5 6 7'],
    ['+436641234567', '+ 4 3, 6 6 4, 1 2 3, 4 5 6 7'],
    ['+436641234567', '0 6 6 4, 1 2 3, 4 5 6 7', 'AT'],
  ])('%s → %s', (...[e164, expected, country]) => {
    expect(spokenPhoneNumber(e164, country)).toBe(expected);
  });
});

const DIGIT_WORDS = [
  'null',
  'eins',
  'zwei',
  'drei',
  'vier',
  'fünf',
  'sechs',
  'sieben',
  'acht',
  'neun',
];
const ALTERNATIVES: Record<string, string[]> = { '2': ['zwei', 'zwo'], '5': ['fünf', 'fuenf'] };

/** German mobile numbers: 015x/016x/017x prefixes as the numbering plan assigns them. */
const germanMobile = fc
  .tuple(
    fc.constantFrom(
      '151',
      '152',
      '157',
      '159',
      '160',
      '162',
      '163',
      '170',
      '171',
      '172',
      '173',
      '174',
      '175',
      '176',
      '177',
      '178',
      '179',
    ),
    fc.stringMatching(/^[0-9]{7,8}$/),
  )
  .map(([prefix, rest]) => parsePhoneNumberFromString(`+49${prefix}${rest}`))
  .filter((n) => n !== undefined && n.isValid())
  .map((n) => n!.number as string);

/** How a caller might say one digit: word (with the usual variants) or numeral. */
const saidDigit = (digit: string) =>
  fc.constantFrom(...(ALTERNATIVES[digit] ?? [DIGIT_WORDS[Number(digit)]]), digit);

const separator = fc.constantFrom(' ', ', ', ' - ', '  ');

describe('callback number properties', () => {
  it('any valid German mobile number said digit by digit reads back as itself', () => {
    fc.assert(
      fc.property(
        germanMobile,
        fc.boolean(),
        fc.array(separator, { minLength: 20, maxLength: 20 }),
        fc.infiniteStream(fc.nat(1)),
        (e164, international, separators, coin) => {
          const digits = international ? e164.slice(1) : `0${e164.slice(3)}`;
          const words = digits.split('').map((d) => {
            const options = ALTERNATIVES[d] ?? [DIGIT_WORDS[Number(d)]];
            return coin.next().value === 0 ? options[0] : d;
          });
          const said =
            (international ? 'plus ' : '') +
            words.map((w, i) => `${w}${i < words.length - 1 ? separators[i % 20] : ''}`).join('');
          const parsed = parseCallbackNumber(said);
          expect(parsed.ok && parsed.value).toBe(e164);
        },
      ),
    );
  });

  it('reading a number back and saying it again gives the same number', () => {
    fc.assert(
      fc.property(germanMobile, (e164) => {
        const parsed = parseCallbackNumber(spokenPhoneNumber(e164));
        expect(parsed.ok && parsed.value).toBe(e164);
      }),
    );
  });

  it('a digit said in any accepted way is read as that digit', () => {
    fc.assert(
      fc.property(
        germanMobile.chain((n) =>
          fc.tuple(fc.constant(n), ...`0${n.slice(3)}`.split('').map(saidDigit)),
        ),
        ([e164, ...said]) => {
          const parsed = parseCallbackNumber(said.join(' '));
          expect(parsed.ok && parsed.value).toBe(e164);
        },
      ),
    );
  });

  it('a word that is neither digit nor filler anywhere in the number makes it no number', () => {
    // No German digit or filler word holds a q or an x.
    const foreign = fc.stringMatching(/^[a-z]{0,5}[qx][a-z]{0,5}$/);
    fc.assert(
      fc.property(germanMobile, foreign, fc.nat(), (e164, word, at) => {
        const words = `0${e164.slice(3)}`.split('').map((d) => DIGIT_WORDS[Number(d)]);
        words.splice(at % (words.length + 1), 0, word);
        expect(parseCallbackNumber(words.join(' ')).ok).toBe(false);
      }),
    );
  });

  it('garbage never becomes a number: any parse is valid E.164 of a callable kind', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const parsed = parseCallbackNumber(text);
        if (!parsed.ok) return;
        const number = parsePhoneNumberFromString(parsed.value);
        expect(number?.isValid()).toBe(true);
        expect(parsed.value).toMatch(/^\+[1-9]\d{5,14}$/);
      }),
    );
  });
});
