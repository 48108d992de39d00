import { storableJson, storableText } from './storable-text';

describe('storableText', () => {
  it.each<[string, string]>([
    ['Dauerwelle', 'Dauerwelle'],
    ['Zoë 李 💇‍♀️', 'Zoë 李 💇‍♀️'], // surrogate pairs stay
    ['\ud83d\ude00', '😀'],
    ['a\ud800b', 'a\ufffdb'], // lone high surrogate
    ['a\udc00b', 'a\ufffdb'], // lone low surrogate
    ['\ude00\ud83d', '\ufffd\ufffd'], // a pair in the wrong order
    ['\ud83d', '\ufffd'],
    ['x\u0000y', 'x\ufffdy'],
    ['\uffff\ufffe\u{10ffff}\ue000', '\uffff\ufffe\u{10ffff}\ue000'], // Postgres keeps these
  ])('%j → %j', (text, expected) => {
    expect(storableText(text)).toBe(expected);
  });
});

describe('storableJson', () => {
  it('cleans strings at every depth, keys included, and leaves other values', () => {
    const at = new Date('2026-11-26T14:00:00Z');
    expect(
      storableJson({ 'k\u0000': ['\ud800', { deep: 'x\udfff' }], n: 1, b: true, z: null, at }),
    ).toEqual({ 'k\ufffd': ['\ufffd', { deep: 'x\ufffd' }], n: 1, b: true, z: null, at });
  });
});
