import fc from 'fast-check';
import { isPlaceholderCallId, looksLikeRealCallId } from './call-id-shape';

const HEX = '0123456789abcdef'.split('');
const BASE62 = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('');
const token = (alphabet: string[], min: number, max: number) =>
  fc
    .array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max })
    .map((chars) => chars.join(''));

describe('call-id shape', () => {
  it.each([
    ['call_119c3f8e47135a29e65947eeb34cf12d'], // Retell v2: call_ + 32 hex
    ['call_a4441234567890777c4a4a123e6'], // Retell SDK example, has a digit run inside
    ['call_3f9a2b7c4d1e8f6a0b5c9d2e7f4a1b3c'],
    ['call_3F9A2B7C4D1E8F6A0B5C9D2E7F4A1B3C'],
    ['Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6'], // older Retell ids: 32 base62, no prefix
    ['call_8e1f0d7a2c3b4a59'], // 16-character body, the shortest accepted
    ['3f9a2b7c-4d1e-4f6a-8b5c-9d2e7f4a1b3c'], // a UUID
    ['call-9d2e7f4a1b3c3f9a2b7c4d1e8f6a'],
    ['  call_119c3f8e47135a29e65947eeb34cf12d  '], // stray whitespace around a real id
  ])('%s looks real', (id) => {
    expect(looksLikeRealCallId(id)).toBe(true);
    expect(isPlaceholderCallId(id)).toBe(false);
  });

  it.each([
    // every placeholder named in SPEC rule 4
    ['call_1'],
    ['call_001'],
    ['dummy_call_id'],
    ['None'],
    ['null'],
    ['current'],
    ['current_call'],
    ['{{call_id}}'],
    [''],
    // and their relatives
    ['undefined'],
    ['{call_id}'],
    ['<call_id>'],
    ['$call_id'],
    ['${call_id}'],
    ['{{ call.call_id }}'],
    ['   '],
    ['\t\n'],
    ['test'],
    ['example_call_id'],
    ['call_id'],
    ['CALL_ID'],
    ['xxx'],
    ['n/a'],
    ['unknown'],
    ['call_abc123'], // too short to be random
    ['call_0000000000000000000000'], // one repeated character
    ['call_1234567890123456'], // a counter
    ['call_1717171717171717'], // two characters only
    ['call_1747393020123'], // an epoch timestamp
    ['call_abcdefghijklmnopqrstuvwxyz'], // a sequence
    ['the_current_call_id_placeholder'], // words only, long enough
    ['DummyCallIdForTesting'],
    ['example_call_id_for_testing_123'],
    ['your_retell_call_id_here'],
    ['aktueller_anruf_platzhalter'],
    ['call_xxxxxxxxxxxxxxxxxxxxxxxx'],
    ['call 119c3f8e47135a29e65947eeb34cf12d'], // prose, not a token
  ])('%j is a placeholder', (id) => {
    expect(isPlaceholderCallId(id)).toBe(true);
  });

  it.each([[undefined], [null], [42], [{}], [['call_119c3f8e47135a29e65947eeb34cf12d']]])(
    'non-string %j is a placeholder',
    (value) => {
      expect(isPlaceholderCallId(value)).toBe(true);
    },
  );

  it('accepts random Retell-shaped ids (call_ + 32 hex)', () => {
    fc.assert(
      fc.property(token(HEX, 32, 32), (hex) => looksLikeRealCallId(`call_${hex}`)),
      { numRuns: 500 },
    );
  });

  it('accepts random base62 ids of 24 to 40 characters', () => {
    fc.assert(
      fc.property(token(BASE62, 24, 40), (id) => looksLikeRealCallId(id)),
      {
        numRuns: 500,
      },
    );
  });

  it('rejects anything shorter than a random body, whatever it contains', () => {
    fc.assert(fc.property(fc.string({ maxLength: 15 }), (s) => isPlaceholderCallId(`call_${s}`)));
  });

  it('rejects templated ids, whatever is inside the braces', () => {
    fc.assert(fc.property(token(BASE62, 0, 40), (inner) => isPlaceholderCallId(`{{${inner}}}`)));
  });
});
