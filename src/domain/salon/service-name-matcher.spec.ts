import { MatchableService, matchServiceName, serviceKey, slips } from './service-name-matcher';

const svc = (id: string, name: string, ...synonyms: string[]): MatchableService => ({
  id,
  name,
  synonyms,
});
const CATALOGUE = [
  svc('damen', 'Damenhaarschnitt', 'Damenschnitt', 'Frauenhaarschnitt', 'Haarschnitt Damen'),
  svc('herren', 'Herrenhaarschnitt', 'Herrenschnitt', 'Männerhaarschnitt', 'Männerschnitt'),
  svc('kinder', 'Kinderhaarschnitt', 'Kinderschnitt'),
  svc('perm', 'Dauerwelle', 'Dauerwellen', 'Locken'),
  svc('colour', 'Färben', 'Coloration', 'Haare färben', 'Haarfarbe'),
  svc('streaks', 'Strähnchen', 'Strähnen', 'Highlights', 'Foliensträhnen'),
  svc('blowdry', 'Föhnen', 'Fönen', 'Föhnfrisur', 'Styling'),
  svc('beard', 'Bart trimmen', 'Bartpflege', 'Bartschnitt', 'Bart stutzen'),
  svc('wsf', 'Waschen, Schneiden, Föhnen'),
];
// How a refusal is said (with the services offered) is the edge's: domain-error.sentences.
const NAMES = CATALOGUE.map((s) => s.name);

describe('matchServiceName', () => {
  it.each<[string, string, string]>([
    // [spoken, expected service id, how]
    ['Damenhaarschnitt', 'damen', 'exact'],
    ['damenhaarschnitt', 'damen', 'exact'],
    ['DAMENHAARSCHNITT', 'damen', 'exact'],
    ['Damen Haarschnitt', 'damen', 'exact'],
    ['Herren Haarschnitt', 'herren', 'exact'],
    ['Herren-Haarschnitt', 'herren', 'exact'],
    ['Herrenschnitt', 'herren', 'exact'],
    ['Männerhaarschnitt', 'herren', 'exact'],
    ['Maennerhaarschnitt', 'herren', 'exact'],
    ['Ma\u0308nnerschnitt', 'herren', 'exact'], // decomposed umlaut
    ['einen Herrenhaarschnitt bitte', 'herren', 'exact'],
    ['Ich hätte gerne mal einen Kinderschnitt', 'kinder', 'exact'],
    ['Dauerwelle', 'perm', 'exact'],
    ['eine Dauerwelle für meine Tochter', 'perm', 'partial'],
    ['Coloration', 'colour', 'exact'],
    ['Haare färben', 'colour', 'exact'],
    ['haare faerben', 'colour', 'exact'],
    ['Straehnchen', 'streaks', 'exact'],
    ['Strähnen', 'streaks', 'exact'],
    ['Fönen', 'blowdry', 'exact'],
    ['Föhnen', 'blowdry', 'exact'], // also inside "Waschen, Schneiden, Föhnen": exact wins
    ['Bart trimmen bitte', 'beard', 'exact'],
    ['Bartschnitt', 'beard', 'exact'],
    ['waschen schneiden und föhnen', 'wsf', 'exact'],
    ['Waschen-Schneiden-Föhnen', 'wsf', 'exact'],
    // small slips
    ['Herenhaarschnit', 'herren', 'fuzzy'],
    ['Dauerwele', 'perm', 'fuzzy'],
    ['Dauerwllee', 'perm', 'fuzzy'],
    ['Farben', 'colour', 'fuzzy'],
    ['Strahnchen', 'streaks', 'fuzzy'],
    ['Bart trimen', 'beard', 'fuzzy'],
    ['Damenharschnit', 'damen', 'fuzzy'],
    ['Kinderharrschnitt', 'kinder', 'fuzzy'],
    // part of a name, or a name plus more
    ['Bart', 'beard', 'partial'],
    ['Herrenhaarschnitt mit Waschen', 'herren', 'partial'],
    ['Strähnchen für Damen', 'streaks', 'partial'],
    ['Waschen Schneiden Föhnen für kurze Haare', 'wsf', 'partial'],
    ['Waschen Schneiden Föhnen kurz', 'wsf', 'fuzzy'], // four extra letters in 23
  ])('%j → %s (%s)', (spoken, id, how) => {
    const result = matchServiceName(spoken, CATALOGUE);
    expect(result.kind === 'match' && [result.service.id, result.how]).toEqual([id, how]);
  });

  it.each<[string, string[]]>([
    ['Haarschnitt', ['damen', 'herren', 'kinder']],
    ['Schnitt', ['damen', 'herren', 'kinder']], // the kind said: names ending in "schnitt"
    ['Damenhaarschnitt und Färben', ['damen', 'colour']],
    ['Föhnen und Dauerwelle', ['perm', 'blowdry']],
    ['Föhn und so', ['blowdry', 'wsf']], // a question beats a guess
  ])('%j is ambiguous', (spoken, ids) => {
    const result = matchServiceName(spoken, CATALOGUE);
    expect(result.kind).toBe('ambiguous');
    if (result.kind !== 'ambiguous') return;
    expect(result.candidates.map((s) => s.id).sort()).toEqual([...ids].sort());
    expect(result.code).toBe('SERVICE.AMBIGUOUS');
  });

  it('asks between two services that fit a slip equally well', () => {
    const pressing = [svc('g', 'Glätten'), svc('p', 'Plätten')];
    const result = matchServiceName('Klätten', pressing);
    expect(result.kind === 'ambiguous' && result.candidates.map((s) => s.name)).toEqual([
      'Glätten',
      'Plätten',
    ]);
    // an exact name beats a neighbour one slip away
    const exact = matchServiceName('Plätten', pressing);
    expect(exact.kind === 'match' && exact.service.id).toBe('p');
  });

  it.each<[string]>([['Maniküre'], ['Massage'], ['xyz'], ['Haa'], ['Pediküre']])(
    '%j is unknown and answered with the services offered',
    (spoken) => {
      const result = matchServiceName(spoken, CATALOGUE);
      expect(result.kind).toBe('unknown');
      if (result.kind !== 'unknown') return;
      expect(result.offered).toEqual(NAMES);
      expect(result.code).toBe('SERVICE.UNKNOWN');
      expect(result.heardSomething).toBe(true);
    },
  );

  it.each<[string]>([[''], ['   '], ['bitte einen']])('nothing heard in %j: asks', (spoken) => {
    const result = matchServiceName(spoken, CATALOGUE);
    expect(result).toMatchObject({ kind: 'unknown', offered: NAMES, heardSomething: false });
  });

  it('says so when nothing is offered', () => {
    const result = matchServiceName('Dauerwelle', []);
    expect(result).toMatchObject({ kind: 'unknown', offered: [], heardSomething: true });
  });

  it('treats one service listed twice as one', () => {
    const result = matchServiceName('Bart', [CATALOGUE[7], CATALOGUE[7]]);
    expect(result.kind).toBe('match');
  });
});

describe('serviceKey and slips', () => {
  it.each<[string, string]>([
    ['Männer-Haarschnitt, bitte!', 'maennerhaarschnitt'],
    ['Fußpflege', 'fusspflege'],
    ['Glätten für 2 Personen', 'glaetten2personen'],
    ['Soin du visage é', 'soinduvisagee'],
  ])('%j → %s', (text, key) => {
    expect(serviceKey(text)).toBe(key);
  });

  it.each<[string, string, number]>([
    ['', 'abc', 3],
    ['dauerwele', 'dauerwelle', 1],
    ['daeurwelle', 'dauerwelle', 1], // swapped letters are one slip
    ['herenhaarschnit', 'herrenhaarschnitt', 2],
    ['kitten', 'sitting', 3],
  ])('slips(%s, %s) = %d', (a, b, n) => {
    expect(slips(a, b)).toBe(n);
    expect(slips(b, a)).toBe(n);
  });
});
