import { matchStylistName, NamedStylist } from './stylist-name-matcher';

const stylist = (id: string, name: string): NamedStylist => ({ id, name });
const clara = stylist('clara', 'Clara Oberholzer');
const mehmet = stylist('mehmet', 'Mehmet');
const anna = stylist('anna', 'Anna-Lena Müller');
const claraWeiss = stylist('clara-w', 'Clara Weiß');
const ben = stylist('ben', 'Ben Oberholzer');

const outcome = (spoken: string, staff: readonly NamedStylist[]): string => {
  const found = matchStylistName(spoken, staff);
  if (found.kind === 'match') return `${found.how} ${found.stylist.id}`;
  if (found.kind === 'ambiguous') return `ambiguous ${found.candidates.map((c) => c.id).join(',')}`;
  return 'unknown';
};

describe('matchStylistName (one branch)', () => {
  it.each`
    case                                        | spoken                    | staff                             | expected
    ${'the full name'}                          | ${'Clara Oberholzer'}     | ${[clara, mehmet]}                | ${'exact clara'}
    ${'a one-word name'}                        | ${'mehmet'}               | ${[clara, mehmet]}                | ${'exact mehmet'}
    ${'the first name alone, unique'}           | ${'Clara'}                | ${[clara, mehmet]}                | ${'exact clara'}
    ${'the last name with a title'}             | ${'Frau Oberholzer'}      | ${[clara, mehmet]}                | ${'exact clara'}
    ${'"bei" and case do not matter'}           | ${'bei CLARA'}            | ${[clara, mehmet]}                | ${'exact clara'}
    ${'a hyphenated first name'}                | ${'Anna-Lena'}            | ${[anna, clara]}                  | ${'exact anna'}
    ${'umlauts written out'}                    | ${'Mueller'}              | ${[anna, clara]}                  | ${'exact anna'}
    ${'a small slip in the first name'}         | ${'Klara'}                | ${[clara, mehmet]}                | ${'fuzzy clara'}
    ${'a slip in the full name'}                | ${'Clara Oberholtzer'}    | ${[clara, mehmet]}                | ${'fuzzy clara'}
    ${'the first name of two stylists'}         | ${'Clara'}                | ${[clara, claraWeiss]}            | ${'ambiguous clara,clara-w'}
    ${'a last name two stylists share'}         | ${'Oberholzer'}           | ${[clara, ben]}                   | ${'ambiguous clara,ben'}
    ${'the full name among two Claras'}         | ${'Clara Weiss'}          | ${[clara, claraWeiss]}            | ${'exact clara-w'}
    ${'a first name that is also a whole name'} | ${'Clara'}                | ${[clara, stylist('c', 'Clara')]} | ${'ambiguous clara,c'}
    ${'a slip that fits two Claras'}            | ${'Klara'}                | ${[clara, claraWeiss]}            | ${'ambiguous clara,clara-w'}
    ${'too many slips for a short name'}        | ${'Lea'}                  | ${[stylist('lena', 'Lena')]}      | ${'unknown'}
    ${'nobody of that name'}                    | ${'Petra'}                | ${[clara, mehmet]}                | ${'unknown'}
    ${'only filler'}                            | ${'Frau'}                 | ${[clara, mehmet]}                | ${'unknown'}
    ${'"nur bei" before the name'}              | ${'nur bei Clara'}        | ${[clara, mehmet]}                | ${'exact clara'}
    ${'"bloß" before the name'}                 | ${'bloß Mehmet'}          | ${[clara, mehmet]}                | ${'exact mehmet'}
    ${'"ausschließlich" before the name'}       | ${'ausschließlich Clara'} | ${[clara, mehmet]}                | ${'exact clara'}
  `('$case: "$spoken" → $expected', ({ spoken, staff, expected }) => {
    expect(outcome(spoken, staff)).toBe(expected);
  });

  it('asks back with the names that fit, in the branch’s order', () => {
    const found = matchStylistName('Clara', [mehmet, clara, claraWeiss]);
    expect(found).toMatchObject({ code: 'STAFF.AMBIGUOUS', candidates: [clara, claraWeiss] });
  });
});
