import { isE164, isPlausibleEmail } from './contact-formats';

describe('contact formats', () => {
  it.each([
    ['+493012345678', true],
    ['+14155550111', true],
    ['030 1234567', false],
    ['+0301234567', false],
    ['+4930123456789012', false],
    ['', false],
  ])('E.164 %p → %p', (value, ok) => expect(isE164(value)).toBe(ok));

  it.each([
    ['petra@example.org', true],
    ['p.schmidt+salon@mail.example.de', true],
    ['kaputt@', false],
    ['anna-at-salon', false],
    ['<b>x</b>@example.org', false],
    ['a b@example.org', false],
    [`${'x'.repeat(250)}@example.org`, false],
  ])('e-mail %p → %p', (value, ok) => expect(isPlausibleEmail(value)).toBe(ok));
});
