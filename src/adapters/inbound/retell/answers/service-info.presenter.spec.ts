import fc from 'fast-check';
import { ServiceFacts } from '../../../../application/info/get-service-info.use-case';
import {
  AmbiguousServiceName,
  UnknownServiceName,
} from '../../../../domain/salon/service-name-matcher';
import { Service } from '../../../../domain/salon/service';
import { MAX_SPOKEN_CHARS } from '../../../../domain/shared/german-messages';
import { presentServiceInfo, spokenMinutes, spokenPrice } from './service-info.presenter';

/** The longest a salon file allows: names of 150 characters, descriptions of 300. */
const LONG = 'W'.repeat(150);
const LONG_WORDS = 'Waschen Schneiden Föhnen '.repeat(12).slice(0, 300).trim();

const perm: ServiceFacts = {
  name: 'Dauerwelle',
  description: 'Wickeln, Einwirken, Fixieren und Föhnen.',
  totalMinutes: 125,
  processingMinutes: 50,
  price: { minCents: 8900, maxCents: 11900 },
  stylists: ['Anna', 'Clara'],
};
const info = (service: ServiceFacts) => presentServiceInfo({ kind: 'info', service });

describe('get_service_info presented', () => {
  it('says what it includes, how long (with processing time), the price range and who', () => {
    expect(info(perm)).toEqual({
      success: true,
      code: 'OK',
      message:
        'Dauerwelle: Wickeln, Einwirken, Fixieren und Föhnen. Sie dauert etwa 2 Stunden und 5 Minuten, davon 50 Minuten Einwirkzeit. Sie kostet 89 bis 119 Euro. Das machen Anna und Clara.',
      service: 'Dauerwelle',
      description: 'Wickeln, Einwirken, Fixieren und Föhnen.',
      duration_minutes: 125,
      processing_minutes: 50,
      price_min_cents: 8900,
      price_max_cents: 11900,
      staff: ['Anna', 'Clara'],
    });
  });

  it('one price, no processing time, no description, nobody offering it', () => {
    const cut = {
      ...perm,
      name: 'Herrenhaarschnitt',
      description: null,
      totalMinutes: 30,
      processingMinutes: 0,
      price: { minCents: 2850, maxCents: 2850 },
      stylists: [],
    };
    expect(info(cut).message).toBe(
      'Herrenhaarschnitt: Sie dauert etwa 30 Minuten. Sie kostet 28,50 Euro.',
    );
    expect(info({ ...cut, price: null }).message).toBe(
      'Herrenhaarschnitt: Sie dauert etwa 30 Minuten. Einen Preis habe ich dafür nicht hinterlegt.',
    );
  });

  it.each`
    minutes | spoken
    ${15}   | ${'15 Minuten'}
    ${60}   | ${'1 Stunde'}
    ${75}   | ${'1 Stunde und 15 Minuten'}
    ${120}  | ${'2 Stunden'}
    ${480}  | ${'8 Stunden'}
  `('$minutes minutes are "$spoken"', ({ minutes, spoken }) => {
    expect(spokenMinutes(minutes)).toBe(spoken);
  });

  it.each`
    price                                         | spoken
    ${{ minCents: 0, maxCents: 0 }}               | ${'Sie ist kostenlos.'}
    ${{ minCents: 0, maxCents: 1500 }}            | ${'Sie kostet 0 bis 15 Euro.'}
    ${{ minCents: 5, maxCents: 5 }}               | ${'Sie kostet 0,05 Euro.'}
    ${{ minCents: 4500, maxCents: 6550 }}         | ${'Sie kostet 45 bis 65,50 Euro.'}
    ${{ minCents: 10000000, maxCents: 10000000 }} | ${'Sie kostet 100000 Euro.'}
  `('$price is "$spoken"', ({ price, spoken }) => {
    expect(spokenPrice(price)).toBe(spoken);
  });

  it('fits 200 characters with the longest names and description, keeping the facts', () => {
    const longest = {
      ...perm,
      name: LONG,
      description: LONG_WORDS,
      price: { minCents: 9999999, maxCents: 10000000 },
      totalMinutes: 479,
      processingMinutes: 474,
      stylists: Array.from({ length: 30 }, (_, i) => `${LONG.slice(0, 149)}${i}`),
    };
    const a = info(longest);
    expect(a.message.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
    expect(a.message).toContain('7 Stunden und 59 Minuten');
    expect(a.message).toContain('99999,99 bis 100000 Euro');
    expect(a.staff).toHaveLength(30);
  });

  it('cuts a long description at a word, but keeps duration and price', () => {
    const a = info({ ...perm, description: LONG_WORDS });
    expect(a.message.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
    expect(a.message).toMatch(/^Dauerwelle: Waschen .*… Sie dauert/);
    expect(a.message).toContain('Sie kostet 89 bis 119 Euro.');
  });

  it('any salon file fits 200 characters', () => {
    const text = (max: number) => fc.string({ minLength: 1, maxLength: max });
    fc.assert(
      fc.property(
        text(150),
        fc.option(text(300)),
        fc.integer({ min: 15, max: 480 }),
        fc.option(fc.tuple(fc.nat(10_000_000), fc.nat(10_000_000))),
        fc.array(text(150), { maxLength: 40 }),
        (name, description, total, price, stylists) => {
          const a = info({
            name,
            description,
            totalMinutes: total,
            processingMinutes: Math.floor(total / 2),
            price: price && { minCents: Math.min(...price), maxCents: Math.max(...price) },
            stylists,
          });
          expect(a.message.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
          expect(a.message).toContain('Sie dauert etwa');
        },
      ),
    );
  });

  const service = (name: string) => Service.simple({ id: name, name }, 30);

  it('asks which service, naming a few, when the name fits none or several', () => {
    const offered = ['Damenhaarschnitt', 'Herrenhaarschnitt', 'Färben', 'Dauerwelle'];
    expect(
      presentServiceInfo({ kind: 'refused', refusal: new UnknownServiceName(offered, true) }),
    ).toEqual({
      success: false,
      code: 'SERVICE.UNKNOWN',
      message:
        'Diese Leistung habe ich leider nicht gefunden. Meinen Sie Damenhaarschnitt, Herrenhaarschnitt oder Färben?',
      offered: ['Damenhaarschnitt', 'Herrenhaarschnitt', 'Färben'],
    });
    expect(
      presentServiceInfo({ kind: 'refused', refusal: new UnknownServiceName(offered, false) })
        .message,
    ).toBe(
      'Zu welcher Leistung möchten Sie etwas wissen? Meinen Sie Damenhaarschnitt, Herrenhaarschnitt oder Färben?',
    );
    const two = new AmbiguousServiceName([service('Glätten'), service('Plätten')]);
    expect(presentServiceInfo({ kind: 'refused', refusal: two })).toMatchObject({
      code: 'SERVICE.AMBIGUOUS',
      message: 'Das passt zu mehreren Leistungen. Meinen Sie Glätten oder Plätten?',
    });
  });

  it('asks within 200 characters with the longest names, and with none on offer', () => {
    const names = Array.from({ length: 12 }, (_, i) => `${LONG.slice(0, 148)}${i}`);
    for (const refusal of [
      new UnknownServiceName(names, true),
      new UnknownServiceName(names, false),
      new AmbiguousServiceName(names.map(service)),
      new UnknownServiceName([], true),
    ]) {
      const a = presentServiceInfo({ kind: 'refused', refusal });
      expect(a.success).toBe(false);
      expect(a.message.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
      expect(a.message).toMatch(/\?$|\.$/);
    }
  });

  it('asks about several services said at once within 200 characters, naming each', () => {
    const names = Array.from({ length: 4 }, (_, i) => `${LONG.slice(0, 148)}${i}`);
    const parts = names.map((n) => ({
      spoken: n,
      match: { kind: 'match' as const, service: service(n), how: 'exact' as const },
    }));
    const unclear = { spoken: LONG, match: new UnknownServiceName(names, true) };
    for (const asked of [parts, [...parts.slice(0, 2), unclear]]) {
      const a = presentServiceInfo({ kind: 'several', parts: asked });
      expect(a.success).toBe(false);
      expect(a.message.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
    }
    const two = presentServiceInfo({ kind: 'several', parts: parts.slice(0, 2) });
    expect(two).toMatchObject({ code: 'SERVICE.SEVERAL', services: names.slice(0, 2) });
  });
});
