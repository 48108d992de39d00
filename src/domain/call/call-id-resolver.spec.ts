import fc from 'fast-check';
import { pickLiveCall, resolveCallId, resolveCallIdWithSource } from './call-id-resolver';
import { isPlaceholderCallId } from './call-id-shape';

const REAL = 'call_119c3f8e47135a29e65947eeb34cf12d';
const OTHER = 'call_3f9a2b7c4d1e8f6a0b5c9d2e7f4a1b3c';
const PLACEHOLDERS = ['call_1', 'call_001', 'dummy_call_id', 'None', 'null', 'current'];
const MORE_PLACEHOLDERS = ['current_call', '{{call_id}}', '', undefined, null, 42];
const call = (call_id: unknown) => ({ call_id, from_number: '+4930123456', agent_id: 'a' });

/** [sent id, call object, expected id (null: NoCallId), expected source] */
type Row = [unknown, unknown, string | null, string | null];

describe('resolveCallId', () => {
  it.each<Row>([
    [REAL, call(REAL), REAL, 'sent'],
    [REAL, undefined, REAL, 'sent'],
    [REAL, null, REAL, 'sent'],
    [REAL, 'not an object', REAL, 'sent'],
    [REAL, call('call_1'), REAL, 'sent'],
    [REAL, {}, REAL, 'sent'],
    [` ${REAL} `, call(REAL), REAL, 'sent'],
    [OTHER, call(REAL), REAL, 'call_object'], // Retell's own object wins over the agent's text
    ...[...PLACEHOLDERS, ...MORE_PLACEHOLDERS].map((p): Row => [
      p,
      call(REAL),
      REAL,
      'call_object',
    ]),
    ...PLACEHOLDERS.map((p): Row => [p, call('{{call_id}}'), null, null]),
    [undefined, undefined, null, null],
    ['call_1', {}, null, null],
    [undefined, call(undefined), null, null],
  ])('sent %j with call %j → %j', (sent, callObject, expected, source) => {
    const result = resolveCallIdWithSource(sent, callObject);
    if (expected === null) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('CALL.NO_CALL_ID');
      }
    } else {
      expect(result).toEqual({
        ok: true,
        value: {
          callId: expected,
          source,
          sentIdOverridden: source === 'call_object' && sent === OTHER,
        },
      });
    }
  });

  it('answers the id alone', () => {
    expect(resolveCallId('call_1', call(REAL))).toEqual({ ok: true, value: REAL });
    expect(resolveCallId('call_1', undefined).ok).toBe(false);
  });

  const anything = fc.oneof(
    fc.string(),
    fc.constantFrom(...PLACEHOLDERS, ...MORE_PLACEHOLDERS, REAL, OTHER),
    fc.constant(undefined),
    fc.integer(),
  );

  it('never returns a placeholder', () => {
    fc.assert(
      fc.property(anything, anything, (sent, id) => {
        const result = resolveCallId(sent, { call_id: id });
        return !result.ok || !isPlaceholderCallId(result.value);
      }),
    );
  });

  it('returns the call object id whenever the sent id is a placeholder', () => {
    const placeholder = fc.oneof(
      fc.string({ maxLength: 15 }),
      fc.constantFrom(...PLACEHOLDERS, ...MORE_PLACEHOLDERS),
      fc.string().map((s) => `{{${s}}}`),
    );
    fc.assert(
      fc.property(placeholder, (sent) => {
        const result = resolveCallId(sent, call(REAL));
        return result.ok && result.value === REAL;
      }),
    );
  });
});

describe('pickLiveCall', () => {
  it.each([
    [[REAL], REAL],
    [[REAL, REAL], REAL],
    [[REAL, 'call_1', null], REAL],
    [[], 'CALL.NO_CALL_ID'],
    [['call_1', '{{call_id}}'], 'CALL.NO_CALL_ID'],
    [[REAL, OTHER], 'CALL.AMBIGUOUS_LIVE_CALL'],
  ])('%j → %s', (candidates, expected) => {
    const result = pickLiveCall(candidates);
    if (result.ok) expect(result.value).toBe(expected);
    else expect(result.error.code).toBe(expected);
  });

  it('says how many calls it could not choose between', () => {
    const result = pickLiveCall([REAL, OTHER]);
    expect(result.ok || ('count' in result.error && result.error.count)).toBe(2);
  });
});
