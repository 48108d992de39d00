import fc from 'fast-check';
import { readConsentAnswer } from './consent-answer';

describe('readConsentAnswer', () => {
  it.each<[string | undefined, string | undefined]>([
    ['ja', 'given'],
    ['Ja!', 'given'],
    ['  JA gerne ', 'given'],
    ['true', 'given'],
    ['einverstanden', 'given'],
    ['natürlich', 'given'],
    ['nein', 'refused'],
    ['Nein, danke.', 'refused'],
    ['lieber nicht', 'refused'],
    ['false', 'refused'],
    ['vielleicht', undefined],
    ['ja nein', undefined],
    ['weiß nicht', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %s', (said, expected) => {
    expect(readConsentAnswer(said)).toBe(expected);
  });

  it('a maybe never counts as consent: only the listed answers give it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (said) => {
        const read = readConsentAnswer(said);
        if (read === 'given') {
          expect(said.toLowerCase()).toMatch(/ja|gern|einverstanden|ok|klar|nat|sicher|yes|true|1/);
        }
      }),
    );
  });
});
