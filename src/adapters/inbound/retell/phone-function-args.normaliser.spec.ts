import { cleanArgumentValue, normalisePhoneFunctionArgs } from './phone-function-args.normaliser';

describe('normalisePhoneFunctionArgs', () => {
  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    [
      'English names',
      { service: 'Dauerwelle', date: 'morgen', time: '10' },
      { service: 'Dauerwelle', date: 'morgen', time: '10' },
    ],
    [
      'German names',
      { dienstleistung: 'Färben', datum: 'heute', uhrzeit: 'halb drei' },
      { service: 'Färben', date: 'heute', time: 'halb drei' },
    ],
    [
      'leistung / tag / zeit',
      { leistung: 'Schnitt', tag: 'Freitag', zeit: '9' },
      { service: 'Schnitt', date: 'Freitag', time: '9' },
    ],
    [
      'service_name / day / uhr',
      { service_name: 'Schnitt', day: 'Friday', uhr: '9' },
      { service: 'Schnitt', date: 'Friday', time: '9' },
    ],
    [
      'any case',
      { DATUM: 'morgen', Uhrzeit: '9', SERVICE: 'x' },
      { date: 'morgen', time: '9', service: 'x' },
    ],
    [
      'camelCase and kebab-case',
      { customerName: 'Eva', 'e-mail': 'e@x.de', appointmentId: 'a1' },
      { name: 'Eva', email: 'e@x.de', appointmentId: 'a1' },
    ],
    ['name variants: customer_name', { customer_name: 'Eva' }, { name: 'Eva' }],
    ['name variants: kundenname', { kundenname: 'Eva' }, { name: 'Eva' }],
    ['name variants: kunde_name', { Kunde_Name: 'Eva' }, { name: 'Eva' }],
    ['name variants: vorname', { vorname: 'Eva' }, { name: 'Eva' }],
    ['staff variants', { friseurin: 'Anna' }, { staff: 'Anna' }],
    ['staff: mitarbeiter', { mitarbeiter: 'Ben' }, { staff: 'Ben' }],
    ['staff: stylist', { stylist: 'Cem' }, { staff: 'Cem' }],
    ['email: mail', { mail: 'a@b.de' }, { email: 'a@b.de' }],
    ['email: E_Mail', { E_Mail: 'a@b.de' }, { email: 'a@b.de' }],
    ['appointment: termin_id', { termin_id: 'abc' }, { appointmentId: 'abc' }],
    [
      'move: neues_datum / neue_uhrzeit',
      { neues_datum: 'Dienstag', neue_uhrzeit: '11' },
      { newDate: 'Dienstag', newTime: '11' },
    ],
    [
      'move: neuer_tag / new_time',
      { neuer_tag: 'Mittwoch', new_time: '12' },
      { newDate: 'Mittwoch', newTime: '12' },
    ],
    ['move: new_date', { new_date: '2026-12-01' }, { newDate: '2026-12-01' }],
    ['unknown keys ignored', { foo: 'bar', call_id: 'call_1', datum: 'heute' }, { date: 'heute' }],
    [
      'the English name wins over a German one',
      { datum: 'heute', date: 'morgen' },
      { date: 'morgen' },
    ],
    ['then the catalogue order', { tag: 'Freitag', datum: 'Montag' }, { date: 'Montag' }],
    ['an empty spelling does not hide another', { date: '  ', datum: 'heute' }, { date: 'heute' }],
    ['numbers become text', { time: 14, date: 5.5 }, { time: '14', date: '5.5' }],
    ['other types are dropped', { time: true, date: null, service: { a: 1 }, name: ['Eva'] }, {}],
    ['insisting on the stylist: staff_only', { staff_only: 'ja' }, { staffOnly: 'ja' }],
    ['insisting on the stylist: nur_mitarbeiter', { nur_mitarbeiter: 'ja' }, { staffOnly: 'ja' }],
    ['a yes/no argument as a JSON boolean', { staff_only: true }, { staffOnly: 'ja' }],
    ['a yes/no argument as JSON false', { staffOnly: false }, { staffOnly: 'nein' }],
    ['non-finite numbers are dropped', { time: Number.NaN, date: Infinity }, {}],
  ])('%s', (_label, input, expected) => {
    expect(normalisePhoneFunctionArgs(input)).toEqual(expected);
  });

  it.each([null, undefined, 'datum=heute', 42, ['datum']])(
    'not an object (%p): no arguments',
    (input) => {
      expect(normalisePhoneFunctionArgs(input)).toEqual({});
    },
  );
});

describe('cleanArgumentValue', () => {
  it.each<[unknown, number, string | undefined]>([
    ['  Dauerwelle  ', 200, 'Dauerwelle'],
    ['<b>Eva</b> <i>Braun</i>', 150, 'Eva Braun'],
    ['<script>alert(1)</script>Eva', 150, 'Eva'],
    ['Eva\u0000\u0007Braun', 150, 'Eva Braun'],
    ['Eva\n\tBraun', 150, 'Eva Braun'],
    ['Zero\u200bwidth\u202Eflip', 200, 'Zero width flip'],
    ['3 < 4 und 5 > 2', 200, '3 < 4 und 5 > 2'],
    ['<<>>', 200, '<<>>'],
    ['', 200, undefined],
    ['<br/>', 200, undefined],
    ['x'.repeat(300), 200, 'x'.repeat(200)],
    ['💇'.repeat(5), 3, '💇💇💇'],
    ['Eva\ud800 Braun\udc00', 150, 'Eva\ufffd Braun\ufffd'], // lone surrogates
    ['\udc00\ud83d', 150, '\ufffd\ufffd'], // a pair in the wrong order
    ['Noncharacters \uffff\ufffe stay', 150, 'Noncharacters \uffff\ufffe stay'],
    ["Robert'); DROP TABLE customers; --", 200, "Robert'); DROP TABLE customers; --"],
    [0, 200, '0'],
    [true, 200, undefined],
  ])('%p (cap %p) → %p', (input, cap, expected) => {
    expect(cleanArgumentValue(input, cap)).toBe(expected);
  });
});
