import fc from 'fast-check';
import { KeepOnlyRule, skimJson } from './json-skim';

const CALL_RULE: KeepOnlyRule = { path: ['call'], keys: new Set(['call_id', 'to_number']) };

const skim = (text: string, keepOnly: KeepOnlyRule[] = [CALL_RULE], maxDepth = 8) =>
  skimJson(Buffer.from(text), { maxDepth, keepOnly });

const kept = (text: string, keepOnly?: KeepOnlyRule[], maxDepth?: number): unknown => {
  const result = skim(text, keepOnly, maxDepth);
  if (!result.ok) throw new Error(`refused: ${result.problem}`);
  return JSON.parse(result.kept.toString('utf8'));
};

/** What the skim must equal: the whole parse, with the call's unlisted members removed. */
const expected = (text: string): unknown => {
  const whole = JSON.parse(text);
  if (typeof whole.call === 'object' && whole.call !== null && !Array.isArray(whole.call)) {
    for (const key of Object.keys(whole.call)) {
      if (!CALL_RULE.keys.has(key)) delete whole.call[key];
    }
  }
  return whole;
};

describe('skimJson', () => {
  it.each([
    ['only kept members', '{"call":{"call_id":"c1","to_number":"+49"}}'],
    ['the first dropped', '{"call":{"transcript":"x","call_id":"c1"}}'],
    ['the last dropped', '{"call":{"call_id":"c1","transcript":"x"}}'],
    ['the middle dropped', '{"call":{"call_id":"c1","transcript":"x","to_number":"+49"}}'],
    ['all dropped', '{"call":{"transcript":"x","transcript_object":[1,2]}}'],
    ['dropped around a kept one', '{"call":{"a":1,"b":[2],"call_id":"c","d":{},"e":null}}'],
    ['two kept, two dropped', '{"call":{"call_id":"c","a":1,"to_number":"t","b":2}}'],
    ['whitespace everywhere', ' { "call" : { "a" : [ 1 , 2 ] , "call_id" : "c" , "b" : 3 } } '],
    ['newlines and tabs', '{\n\t"call": {\n\t\t"a": 1,\n\t\t"call_id": "c"\n\t}\n}'],
    ['an escaped key', '{"call":{"c\\u0061ll_id":"c1","tr\\u0061nscript":"x"}}'],
    ['duplicate keys', '{"call":{"a":1,"call_id":"c1"},"call":{"call_id":"c2","b":2}}'],
    ['brackets and quotes inside strings', '{"call":{"a":"]}\\"{[","call_id":"}"}}'],
    ['a backslash before a closing quote', '{"call":{"a":"x\\\\","call_id":"c\\\\"}}'],
    ['non-ASCII text', '{"call":{"a":"Föhnen 💇","call_id":"Färben"},"args":{"n":"Zoë"}}'],
    ['members beside the call', '{"name":"f","call":{"a":1,"call_id":"c"},"args":{"a":1}}'],
    ['a call that is not an object', '{"call":[{"a":1}],"args":{"call":{"a":1}}}'],
    ['no call', '{"args":{"transcript":"kept"}}'],
    ['an array at the root', '[{"call":{"a":1}}]'],
    ['numbers and literals', '{"call":{"a":-1.5e+3,"b":true,"c":false,"d":null,"call_id":0}}'],
  ])('%s: parses to the whole minus the dropped members', (_label, text) => {
    expect(kept(text)).toEqual(expected(text));
  });

  it('keeps the bytes as they are when nothing is dropped', () => {
    const bytes = Buffer.from('{"call":{"call_id":"c"}, "args": {"x": 1}}');
    const result = skimJson(bytes, { maxDepth: 8, keepOnly: [CALL_RULE] });
    expect(result.ok && result.kept).toBe(bytes);
  });

  it('leaves a dropped value unread: its numbers are not even parsed', () => {
    expect(kept('{"call":{"a":[1.2.3, 4e],"call_id":"c"}}')).toEqual({ call: { call_id: 'c' } });
  });

  it.each([
    ['an unterminated string', '{"call":{"a":"x}}'],
    ['an unterminated dropped array', '{"call":{"a":[1,2'],
    ['a missing colon', '{"call" {"a":1}}'],
    ['a trailing comma', '{"call":{"call_id":"c",}}'],
    ['a missing comma', '{"a":1 "b":2}'],
    ['mismatched brackets in a dropped value', '{"call":{"a":[1,2}}}'],
    ['text after the root', '{"a":1} x'],
    ['a number at the root', '42'],
    ['a string at the root', '"book it"'],
    ['null at the root', 'null'],
    ['only whitespace', '   '],
    ['an unquoted key', '{a:1}'],
  ])('%s is malformed', (_label, text) => {
    expect(skim(text)).toEqual({ ok: false, problem: 'malformed' });
  });

  it('counts depth from the root as level 1, in kept and dropped parts alike', () => {
    const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
    expect(skim(`{"args":${nested(7)}}`).ok).toBe(true);
    expect(skim(`{"args":${nested(8)}}`)).toEqual({ ok: false, problem: 'too_deep' });
    expect(skim(`{"call":{"transcript":${nested(6)}}}`).ok).toBe(true);
    expect(skim(`{"call":{"transcript":${nested(7)}}}`)).toEqual({
      ok: false,
      problem: 'too_deep',
    });
  });

  it('refuses 2,000 levels without running out of stack', () => {
    const deep = '{"a":'.repeat(2000) + '1' + '}'.repeat(2000);
    expect(skim(`{"args":${deep}}`, [CALL_RULE], 32)).toEqual({ ok: false, problem: 'too_deep' });
    const unclosed = '['.repeat(100_000);
    expect(skim(unclosed, [CALL_RULE], 32)).toEqual({ ok: false, problem: 'too_deep' });
  });

  it('reads keys below a rule only on the rule’s path', () => {
    const rules = [{ path: ['call', 'metadata'], keys: new Set(['branch_id']) }];
    expect(
      kept('{"call":{"metadata":{"branch_id":"b","x":1},"y":2},"metadata":{"x":1}}', rules),
    ).toEqual({ call: { metadata: { branch_id: 'b' }, y: 2 }, metadata: { x: 1 } });
  });

  it('any JSON, however spaced: the skim parses to the whole minus the dropped members', () => {
    const member = fc.constantFrom('call_id', 'to_number', 'transcript', 'a', 'call');
    const call = fc.dictionary(member, fc.jsonValue({ maxDepth: 3 }));
    const body = fc.record({ call, args: fc.jsonValue({ maxDepth: 3 }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 4 }), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(kept(text, [CALL_RULE], 16)).toEqual(expected(text));
      }),
      { numRuns: 500, seed: 13 },
    );
  });
});
