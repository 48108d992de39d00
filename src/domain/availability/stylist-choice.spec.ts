import { chooseStylists } from './stylist-choice';

describe('chooseStylists', () => {
  it.each<[string, string[][], string[], string[] | undefined]>([
    ['one service each, nobody else', [['lena'], ['anna']], ['anna', 'lena'], ['lena', 'anna']],
    [
      'the stylist of the previous service stays on, though another is preferred',
      [['lena'], ['anna', 'lena']],
      ['anna', 'lena'],
      ['lena', 'lena'],
    ],
    [
      'back to the first stylist rather than a third one',
      [['x'], ['y'], ['z', 'x']],
      ['z', 'y', 'x'],
      ['x', 'y', 'x'],
    ],
    [
      'one handover rather than two, though it takes a less preferred stylist',
      [['a', 'b'], ['b'], ['a', 'b']],
      ['a', 'b'],
      ['b', 'b', 'b'],
    ],
    [
      'equal handovers: the preferred stylist, service by service',
      [['a', 'b'], ['c']],
      ['b', 'c', 'a'],
      ['b', 'c'],
    ],
    ['a service nobody can do', [['a'], []], ['a'], undefined],
    ['a stylist the preference does not name still counts', [['q'], ['a']], ['a'], ['q', 'a']],
  ])('%s', (_, options, preference, expected) => {
    expect(chooseStylists(options, preference)).toEqual(expected);
  });

  it('keeps a valid choice when its search budget runs out', () => {
    const everyone = Array.from({ length: 30 }, (_, i) => `s${i}`);
    const options = Array.from({ length: 8 }, (_, i) =>
      everyone.filter((_, j) => (i + j) % 3 !== 0),
    );
    const chosen = chooseStylists(options, everyone, 50)!;
    expect(chosen).toHaveLength(8);
    chosen.forEach((id, i) => expect(options[i]).toContain(id));
  });
});
