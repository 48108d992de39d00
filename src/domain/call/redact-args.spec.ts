import { isSensitiveKey, REDACTED, redactArgs } from './redact-args';

describe('redactArgs', () => {
  it.each([
    // [args, expected]
    [{ name: 'Anna Müller' }, { name: REDACTED }],
    [{ customer_name: 'Anna' }, { customer_name: REDACTED }],
    [{ kundenname: 'Anna' }, { kundenname: REDACTED }],
    [{ customerName: 'Anna' }, { customerName: REDACTED }],
    [
      { Vorname: 'Anna', Nachname: 'Müller' },
      { Vorname: REDACTED, Nachname: REDACTED },
    ],
    [{ phone: '+49301234567' }, { phone: REDACTED }],
    [{ callback_number: 'null eins sieben eins' }, { callback_number: REDACTED }],
    [{ callbackNumber: 'null eins sieben eins' }, { callbackNumber: REDACTED }],
    [{ rueckrufnummer: 'null eins sieben eins' }, { rueckrufnummer: REDACTED }],
    [{ telefon: '030 1234567' }, { telefon: REDACTED }],
    [{ from_number: '+49301234567' }, { from_number: REDACTED }],
    [{ email: 'anna@example.de' }, { email: REDACTED }],
    [{ e_mail: 'anna@example.de' }, { e_mail: REDACTED }],
    [{ token: 'abc' }, { token: REDACTED }],
    [{ api_key: 'k' }, { api_key: REDACTED }],
    [{ 'x-api-key': 'k' }, { 'x-api-key': REDACTED }],
    [{ apiKey: 'k' }, { apiKey: REDACTED }],
    [{ signature: 'v=1,d=ff' }, { signature: REDACTED }],
    [{ client_secret: 's' }, { client_secret: REDACTED }],
    [{ Authorization: 'Bearer x' }, { Authorization: REDACTED }],
    [{ password: 12345 }, { password: REDACTED }],
    [{ stylist: 'Sabine' }, { stylist: REDACTED }],
    [{ address: { street: 'Hauptstr. 1' } }, { address: REDACTED }],
    // kept: dates, times, services
    [
      { date: '2026-09-14', time: '14:30' },
      { date: '2026-09-14', time: '14:30' },
    ],
    [
      { datum: '06.11.2025', uhrzeit: '10:00' },
      { datum: '06.11.2025', uhrzeit: '10:00' },
    ],
    [{ start: '2026-09-14T09:00:00.000+02:00' }, { start: '2026-09-14T09:00:00.000+02:00' }],
    [{ service: 'Dauerwelle' }, { service: 'Dauerwelle' }],
    [{ service_name: 'Herrenhaarschnitt' }, { service_name: 'Herrenhaarschnitt' }],
    [{ dienstleistung: 'Färben' }, { dienstleistung: 'Färben' }],
    [
      { datum: 'morgen', uhrzeit: 'halb drei' },
      { datum: 'morgen', uhrzeit: 'halb drei' },
    ],
    [
      { duration: 45, confirmed: true },
      { duration: 45, confirmed: true },
    ],
    [
      { name: null, email: undefined },
      { name: null, email: undefined },
    ],
    // phone numbers and emails under any key
    [{ note: '+49 30 1234567' }, { note: REDACTED }],
    [{ note: '0171/1234567' }, { note: REDACTED }],
    [{ note: '030.123.45.67' }, { note: REDACTED }],
    [{ note: '(030) 123 45 67' }, { note: REDACTED }],
    [{ note: 'Rückruf unter 0171 1234567 bitte' }, { note: `Rückruf unter ${REDACTED} bitte` }],
    [{ note: 'Mail an anna.m@example.de' }, { note: `Mail an ${REDACTED}` }],
    [
      { note: 'Am 14.11. um 10:00, Tel. 030-1234567' },
      { note: `Am 14.11. um 10:00, Tel. ${REDACTED}` },
    ],
    [{ note: 'Kundennummer 42' }, { note: 'Kundennummer 42' }],
    [{ note: 'Tel. 030 1234567 0171 2345678' }, { note: `Tel. ${REDACTED}` }],
    [{ note: '4111 1111 1111 1111 22' }, { note: REDACTED }],
    // nesting
    [
      { args: { customer: { name: 'Anna', visits: 3 } }, list: ['a@b.de', 'Föhnen'] },
      { args: { customer: { name: REDACTED, visits: 3 } }, list: [REDACTED, 'Föhnen'] },
    ],
    ['+49 30 1234567', REDACTED],
    [42, 42],
    [null, null],
  ])('%j → %j', (args, expected) => {
    expect(redactArgs(args)).toEqual(expected);
  });

  it('does not follow cycles or unbounded depth', () => {
    const cyclic: Record<string, unknown> = { service: 'Föhnen' };
    cyclic.self = cyclic;
    expect(redactArgs(cyclic)).toEqual({ service: 'Föhnen', self: '[circular]' });
    let deep: unknown = { leaf: true };
    for (let i = 0; i < 12; i++) deep = { next: deep };
    expect(JSON.stringify(redactArgs(deep))).toContain('[truncated]');
  });

  it('does not change its input', () => {
    const args = { name: 'Anna' };
    redactArgs(args);
    expect(args).toEqual({ name: 'Anna' });
  });

  it.each([
    ['service', false],
    ['serviceName', false],
    ['date', false],
    ['idempotency_key', true],
    ['staff_name', true],
  ])('key %s sensitive: %s', (key, expected) => {
    expect(isSensitiveKey(key)).toBe(expected);
  });
});
