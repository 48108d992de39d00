import { resolveCallId } from '../../../domain/call/call-id-resolver';
import {
  longCallFunctionBody,
  longCallWebhookBody,
} from '../../../../test/support/retell-long-call.fixture';
import { parseRetellBody } from './retell-body.reader';
import { readRetellCall } from './retell-call';
import { analysisOf } from './retell-call-webhook.handler';

const LONG = {
  minutes: 60,
  seed: 7,
  metadata: { branch_id: '5d0c6a3e-9f1b-4c7a-8e2d-1b6f0a9c4e77', campaign: 'winter' },
};

describe('parseRetellBody: a long call read without its transcripts', () => {
  it.each([
    ['a function call', longCallFunctionBody('check_availability', { datum: 'morgen' }, LONG)],
    ['call_ended', longCallWebhookBody('call_ended', LONG)],
    ['call_analyzed', longCallWebhookBody('call_analyzed', LONG)],
  ])('%s: every fact the service reads is there, no transcript is', (_label, whole) => {
    const read = parseRetellBody(Buffer.from(JSON.stringify(whole))) as typeof whole;
    expect(readRetellCall(read.call)).toEqual(readRetellCall(whole.call));
    expect(readRetellCall(read.call)).toMatchObject({
      callId: expect.stringMatching(/^call_[0-9a-f]{32}$/),
      branchIdHint: LONG.metadata.branch_id,
    });
    expect(analysisOf(read.call)).toEqual(analysisOf(whole.call));
    expect(resolveCallId(undefined, read.call)).toEqual(resolveCallId(undefined, whole.call));
    const { call: _call, ...rest } = whole as Record<string, unknown>;
    expect(read).toMatchObject(rest);
    for (const field of ['transcript', 'transcript_object', 'transcript_with_tool_calls']) {
      expect(whole.call).toHaveProperty(field);
      expect(read.call).not.toHaveProperty(field);
    }
    expect(JSON.stringify(read).length).toBeLessThan(2048);
  });

  it('reads call_analyzed’s analysis whole', () => {
    const whole = longCallWebhookBody('call_analyzed', LONG);
    const read = parseRetellBody(Buffer.from(JSON.stringify(whole))) as typeof whole;
    expect(read.call.call_analysis).toEqual(whole.call.call_analysis);
    expect(analysisOf(read.call).customAnalysisKeys).toHaveLength(3);
  });

  it('an empty body reads as {} and a BOM is stepped over, as express.json does', () => {
    expect(parseRetellBody(Buffer.alloc(0))).toEqual({});
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]);
    expect(parseRetellBody(withBom)).toEqual({ a: 1 });
  });
});
