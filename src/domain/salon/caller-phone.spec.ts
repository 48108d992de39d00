import { CountryCode } from 'libphonenumber-js/max';
import { normaliseCallerNumber } from './caller-phone';

const BERLIN = '+49301234567';
const ANONYMOUS = 'CALLER.ANONYMOUS';
const INVALID = 'CALLER.INVALID_NUMBER';

describe('normaliseCallerNumber', () => {
  it.each<[unknown, string, string?]>([
    // [raw, E.164 or error code, default country]
    ['+49 30 1234567', BERLIN],
    ['+49301234567', BERLIN],
    ['0049 30 1234567', BERLIN],
    ['030 1234567', BERLIN],
    ['49 30 1234567', BERLIN], // the "+" got lost
    ['4930 1234567', BERLIN],
    ['+49 (0)30 123 45 67', BERLIN],
    ['+49 030 1234567', BERLIN], // trunk zero written after the country code
    ['030/123-45-67', BERLIN],
    ['030.123.45.67', BERLIN],
    ['(030) 1234567', BERLIN],
    ['  +49-30-1234567  ', BERLIN],
    ['tel:+49301234567', BERLIN],
    ['sip:+49301234567@sip.retellai.com', BERLIN],
    ['0171 1234567', '+491711234567'],
    ['+49 171 1234567', '+491711234567'],
    ['4921 1234567', '+49211234567'], // without trunk zero read as +49 211 (Düsseldorf)
    ['+14155550111', '+14155550111'],
    ['+43 1 5123456', '+4315123456'],
    ['0043 664 1234567', '+436641234567'],
    ['01 5123456', '+4315123456', 'AT'],
    ['044 668 18 00', '+41446681800', 'CH'],
    [4930123456, '+4930123456'],
    // withheld and anonymous
    ['anonymous', ANONYMOUS],
    ['Anonymous', ANONYMOUS],
    ['ANONYMOUS', ANONYMOUS],
    ['unknown', ANONYMOUS],
    ['restricted', ANONYMOUS],
    ['private', ANONYMOUS],
    ['withheld', ANONYMOUS],
    ['unavailable', ANONYMOUS],
    ['Unterdrückt', ANONYMOUS],
    ['Rufnummer unterdrückt', ANONYMOUS],
    ['', ANONYMOUS],
    ['   ', ANONYMOUS],
    ['+266696687', ANONYMOUS], // A-N-O-N-Y-M-O-U-S on the keypad
    ['266696687', ANONYMOUS],
    ['+7378742833', ANONYMOUS], // R-E-S-T-R-I-C-T-E-D
    ['+2562533', ANONYMOUS], // B-L-O-C-K-E-D
    ['sip:anonymous@anonymous.invalid', ANONYMOUS],
    ['0', ANONYMOUS],
    ['00', ANONYMOUS],
    ['+0', ANONYMOUS],
    ['1234', ANONYMOUS], // too short for any subscriber
    [undefined, ANONYMOUS],
    [null, ANONYMOUS],
    [{}, ANONYMOUS],
    // not a number
    ['+49 30 CALL ME', INVALID],
    ['++49301234567', INVALID],
    ['1234567', INVALID], // a local number without area code cannot be placed
    ['+1234567', INVALID],
    ['+999 1234567', INVALID], // no such country code
    ['0049 1234 5678 9012 3456', INVALID], // longer than any number
    // longer than E.164's 15 digits, though libphonenumber deems them possible German numbers
    ['+49301234567890123', INVALID],
    ['49301234567890123', INVALID],
    ['0049301234567890123', INVALID],
    ['+4930123456789012', INVALID],
    ['0301234567890123', INVALID],
    ['+493012345678901', '+493012345678901'], // 15 digits: the longest E.164 number
    // A default (not a third declared parameter) keeps jest from waiting for a done callback.
  ])('%j → %s', (raw, expected, country = 'DE') => {
    const result = normaliseCallerNumber(raw, country as CountryCode);
    expect(result.ok ? result.value : result.error.code).toBe(expected);
  });

  // What the caller hears of these is the edge's (domain-error.sentences); the messages go to logs.
  it('keeps what was sent out of its messages', () => {
    const anonymous = normaliseCallerNumber('anonymous');
    const invalid = normaliseCallerNumber('+49 30 CALL ME');
    expect(!anonymous.ok && anonymous.error.message).toMatch(/^[^<>{}]+\.$/);
    expect(!invalid.ok && invalid.error).toMatchObject({ code: 'CALLER.INVALID_NUMBER' });
    expect(!invalid.ok && invalid.error.message).not.toMatch(/49|CALL/);
  });
});
