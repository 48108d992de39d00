import fc from 'fast-check';
import { ofSpokenKind } from './service-family';
import { MatchableService, matchServiceName, serviceKey } from './service-name-matcher';

const svc = (id: string, name: string, ...synonyms: string[]): MatchableService => ({
  id,
  name,
  synonyms,
});
/** The demo salon's catalogue: what real callers meet. */
const DEMO = [
  svc('damen', 'Damenhaarschnitt', 'Damenschnitt', 'Frauenhaarschnitt', 'Haarschnitt Damen'),
  svc('herren', 'Herrenhaarschnitt', 'Herrenschnitt', 'Männerhaarschnitt', 'Haarschnitt Herren'),
  svc('kinder', 'Kinderhaarschnitt', 'Kinderschnitt'),
  svc('perm', 'Dauerwelle', 'Dauerwellen', 'Locken'),
  svc('colour', 'Färben', 'Coloration', 'Farbe', 'Haare färben', 'Ansatz färben'),
  svc('blowdry', 'Waschen und Föhnen', 'Föhnen', 'Föhnfrisur', 'Styling'),
];
const CUTS = ['damen', 'herren', 'kinder'];
const ids = (spoken: string, services = DEMO): string[] | string => {
  const result = matchServiceName(spoken, services);
  if (result.kind === 'match') return result.service.id;
  if (result.kind === 'ambiguous') return result.candidates.map((s) => s.id);
  return result.kind;
};

describe('the kind of work said alone', () => {
  it.each<[string, string[] | string]>([
    // several of the kind: asked which
    ['Schneiden', CUTS],
    ['schneiden', CUTS],
    ['Haare schneiden', CUTS],
    ['einmal schneiden', CUTS],
    ['Haare schneiden lassen', CUTS],
    ['Haarschnitt', CUTS],
    ['einen Schnitt bitte', CUTS],
    // one of the kind: that one
    ['Färbung', 'colour'],
    ['färben lassen', 'colour'],
    ['Fönen', 'blowdry'],
    ['Föhn', 'blowdry'],
    ['Haare föhnen', 'blowdry'],
    // the kind after whose: the word before it picks among the kind's names and synonyms
    ['Kinder schneiden', 'kinder'],
    ['Damen Haare schneiden', 'damen'],
    ['Männer schneiden lassen', 'herren'],
    ['Kurzhaarschnitt Herren', 'herren'], // the kind not last: a synonym inside, as before
    ['Ansatzfarbe', 'colour'],
    ['abschneiden', 'unknown'], // too little before the kind to pick
    // names and synonyms win over the kind
    ['Herrenschnitt', 'herren'],
    ['Damenhaarschnitt', 'damen'],
    ['Farbe', 'colour'],
    // none of the kind, or no kind: unknown as before
    ['Bart schneiden', 'unknown'],
    ['Augenbrauen', 'unknown'],
    ['Glätten', 'unknown'],
  ])('%j → %j', (spoken, expected) => {
    expect(ids(spoken)).toEqual(expected);
  });

  it('a salon with one haircut takes "Schneiden" as that haircut', () => {
    const barber = [svc('h', 'Herrenhaarschnitt'), svc('b', 'Bart trimmen', 'Bartschnitt')];
    expect(ids('Schneiden', barber)).toBe('h');
  });

  it('a synonym of the kind does not make a service of that kind', () => {
    const shop = [svc('c', 'Maschinenhaarschnitt'), svc('b', 'Bart trimmen', 'Bartschnitt')];
    expect(ids('Schnitt', shop)).toBe('c');
  });

  it('a salon with none of the kind answers unknown', () => {
    expect(ids('Schneiden', [svc('p', 'Dauerwelle'), svc('m', 'Maniküre')])).toBe('unknown');
  });

  /** Name endings and the kind each stands for, written out apart from the table in use. */
  const ENDINGS: Array<[string, string]> = [
    ['haarschnitt', 'cut'],
    ['schnitt', 'cut'],
    ['schneiden', 'cut'],
    ['färben', 'colour'],
    ['färbung', 'colour'],
    ['farbe', 'colour'],
    ['föhnen', 'blow'],
    ['föhnfrisur', 'blow'],
    ['welle', 'other'],
    ['pflege', 'other'],
    ['trimmen', 'other'],
    ['schnittlauch', 'other'],
  ];
  const SAID: Array<[string, string]> = [
    ['Schneiden', 'cut'],
    ['Haare schneiden', 'cut'],
    ['Damen schneiden', 'cut'],
    ['Kurz färben', 'colour'],
    ['Haarschnitt', 'cut'],
    ['Schnitt', 'cut'],
    ['Färben', 'colour'],
    ['Farbe', 'colour'],
    ['Färbung', 'colour'],
    ['Föhnen', 'blow'],
    ['Föhn', 'blow'],
  ];

  it('never gives a service of another kind when the salon has one of the kind said', () => {
    const name = fc
      .tuple(fc.constantFrom('', 'Damen', 'Herren', 'Kurz', 'Bart', 'Ansatz', 'X'), fc.nat(11))
      .map(([head, i]) => ({ name: `${head}${ENDINGS[i][0]}`, kind: ENDINGS[i][1] }));
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { minLength: 1, maxLength: 8, selector: (n) => n.name }),
        fc.nat(SAID.length - 1),
        (names, s) => {
          const [spoken, kind] = SAID[s];
          const services = names.map((n, i) => ({ ...svc(`s${i}`, n.name), kind: n.kind }));
          const keysOf = (x: { name: string }) => ({
            nameKey: serviceKey(x.name),
            keys: [serviceKey(x.name)],
          });
          const found = [false, true].flatMap((narrowed) =>
            ofSpokenKind(serviceKey(spoken), services, keysOf, narrowed),
          );
          expect(found.every((x) => x.kind === kind)).toBe(true);
          if (found.length === 0) return; // no service of the kind: matched as before
          const result = matchServiceName(spoken, services);
          const given =
            result.kind === 'match'
              ? [result.service]
              : result.kind === 'ambiguous'
                ? result.candidates
                : [];
          // the matcher gives the exact name said, or services of the kind said
          for (const x of given) {
            expect(serviceKey(x.name) === serviceKey(spoken) || x.kind === kind).toBe(true);
          }
        },
      ),
    );
  });
});
