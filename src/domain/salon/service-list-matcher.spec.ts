import fc from 'fast-check';
import { MAX_VISIT_SERVICES, matchServiceList, servicesOf } from './service-list-matcher';
import { MatchableService } from './service-name-matcher';

const svc = (id: string, name: string, ...synonyms: string[]): MatchableService => ({
  id,
  name,
  synonyms,
});
const CATALOGUE = [
  svc('damen', 'Damenhaarschnitt', 'Damenschnitt', 'Frauenhaarschnitt'),
  svc('herren', 'Herrenhaarschnitt', 'Herrenschnitt', 'Männerschnitt'),
  svc('perm', 'Dauerwelle', 'Dauerwellen', 'Locken'),
  svc('colour', 'Färben', 'Coloration', 'Haare färben', 'Farbe'),
  svc('blowdry', 'Waschen und Föhnen', 'Föhnen', 'Styling'),
  svc('beard', 'Bart trimmen', 'Bartschnitt'),
  svc('wsf', 'Waschen, Schneiden, Föhnen'),
];

const said = (spoken: string) => {
  const result = matchServiceList(spoken, CATALOGUE);
  if (result.kind === 'match') return result.service.id;
  if (result.kind === 'several') {
    return result.parts.map((p) => (p.match.kind === 'match' ? p.match.service.id : p.match.kind));
  }
  return result.kind;
};

describe('matchServiceList', () => {
  it.each<[string, string | string[]]>([
    // one service, as matchServiceName finds it
    ['Damenhaarschnitt', 'damen'],
    ['Waschen und Föhnen', 'blowdry'], // "und" inside a name
    ['waschen schneiden und föhnen', 'wsf'],
    ['Waschen, Schneiden, Föhnen', 'wsf'],
    ['Haare waschen, schneiden und föhnen', 'wsf'], // slips of the whole name
    ['eine Dauerwelle für meine Tochter', 'perm'],
    ['Färben und Coloration', 'colour'], // two words for one service
    ['Waschen und Föhnen für kurze Haare', ['ambiguous', 'blowdry']], // "Waschen" alone: asked
    // several services: none is dropped
    ['Damenhaarschnitt und Färben', ['damen', 'colour']],
    ['Färben und Damenschnitt', ['colour', 'damen']], // the order said is kept
    ['Einmal Damenhaarschnitt und Färben bitte', ['damen', 'colour']],
    ['Färben, danach Föhnen', ['colour', 'blowdry']],
    ['Herrenschnitt & Bart trimmen', ['herren', 'beard']],
    ['Herrenschnitt + Bartschnitt', ['herren', 'beard']],
    ['Dauerwelle sowie Färben und Föhnen', ['perm', 'colour', 'blowdry']],
    ['Färben und Färben und Damenschnitt', ['colour', 'damen']],
    // who does it is no service: "egal bei wem" said beside them is no part
    ['Herrenschnitt und Färben, egal bei wem', ['herren', 'colour']],
    ['Damenschnitt und Färben, egal wer', ['damen', 'colour']],
    ['Färben und Föhnen, ist mir egal bei wem', ['colour', 'blowdry']],
    ['Dauerwelle, egal', 'perm'],
    // a part not understood is named, never dropped
    ['Schneiden und Färben', ['ambiguous', 'colour']], // the kind alone: which haircut?
    ['Färben und Massage', ['colour', 'unknown']],
    ['Färben und Schnitt', ['colour', 'ambiguous']],
    // garbage
    ['Damenhaarschnitt und und und', 'damen'],
    ['und und und', 'unknown'],
    [',,,;;&&', 'unknown'],
    ['', 'unknown'],
  ])('%j → %j', (spoken, expected) => {
    expect(said(spoken)).toEqual(expected);
  });

  it('refuses a list longer than one visit holds', () => {
    const thirty = Array.from({ length: 30 }, (_, i) => CATALOGUE[i % CATALOGUE.length].name);
    const result = matchServiceList(thirty.join(' und '), CATALOGUE);
    expect(result).toMatchObject({ kind: 'too-many', code: 'SERVICE.TOO_MANY', max: 4 });
    const five = 'Damenschnitt, Färben, Dauerwelle, Föhnen und Bart trimmen';
    expect(matchServiceList(five, CATALOGUE).kind).toBe('too-many');
  });

  it('keeps the caller’s own words for a part it does not know', () => {
    const result = matchServiceList('Färben und Augenbrauen zupfen', CATALOGUE);
    expect(result.kind === 'several' && result.parts[1].spoken).toBe('Augenbrauen zupfen');
  });

  it('servicesOf lists a visit’s services once each, or nothing while one is unclear', () => {
    const both = matchServiceList('Damenschnitt und Färben', CATALOGUE);
    expect(both.kind === 'several' && servicesOf(both.parts)?.map((s) => s.id)).toEqual([
      'damen',
      'colour',
    ]);
    const unclear = matchServiceList('Damenschnitt und Massage', CATALOGUE);
    expect(unclear.kind === 'several' && servicesOf(unclear.parts)).toBeUndefined();
  });

  it('never drops a service named: every known name joined by "und" comes back', () => {
    const names = CATALOGUE.filter((s) => s.id !== 'wsf').map((s) => s.name);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...names), { minLength: 2, maxLength: MAX_VISIT_SERVICES }),
        fc.constantFrom(' und ', ', ', ' sowie ', ' & ', ', danach '),
        (picked, joiner) => {
          const result = matchServiceList(picked.join(joiner), CATALOGUE);
          expect(result.kind).toBe('several');
          if (result.kind !== 'several') return;
          const back = servicesOf(result.parts)?.map((s) => s.name);
          expect(back).toEqual(picked);
        },
      ),
    );
  });

  it('answers anything at all without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        expect(['match', 'several', 'too-many', 'ambiguous', 'unknown']).toContain(
          matchServiceList(text, CATALOGUE).kind,
        );
      }),
    );
  });
});
