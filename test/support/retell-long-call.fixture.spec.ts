import {
  longCallFunctionBody,
  longCallWebhookBody,
  retellLongCall,
} from './retell-long-call.fixture';

interface Word {
  word: string;
  start: number;
  end: number;
}
interface Entry {
  role: string;
  content?: string;
  words?: Word[];
  tool_call_id?: string;
  arguments?: string;
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

describe('the long-call fixture', () => {
  const call = retellLongCall({ minutes: 60, stage: 'analyzed' }) as Record<string, unknown> & {
    transcript: string;
    transcript_object: Entry[];
    transcript_with_tool_calls: Entry[];
    duration_ms: number;
  };

  it('is the same for the same seed and differs for another', () => {
    const again = retellLongCall({ minutes: 60, stage: 'analyzed' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(call));
    expect(JSON.stringify(retellLongCall({ minutes: 60, seed: 2 }))).not.toBe(
      JSON.stringify(retellLongCall({ minutes: 60 })),
    );
  });

  it('lasts as long as asked, and its size grows with the duration', () => {
    expect(call.duration_ms).toBeGreaterThan(59 * 60_000);
    expect(call.duration_ms).toBeLessThan(61 * 60_000);
    const tenMinutes = bytes(longCallFunctionBody('check_availability', {}, { minutes: 10 }));
    const hour = bytes(longCallFunctionBody('check_availability', {}, { minutes: 60 }));
    expect(hour / tenMinutes).toBeGreaterThan(5);
    expect(hour / tenMinutes).toBeLessThan(7);
  });

  it('weighs what the README quotes: about 1.09 MB for 60 minutes', () => {
    const hour = bytes(longCallWebhookBody('call_analyzed', { minutes: 60 }));
    expect(hour).toBeGreaterThan(1_050_000);
    expect(hour).toBeLessThan(1_130_000);
  });

  it('times words as Retell does: in order, in seconds, with binary-float decimals', () => {
    const words = call.transcript_object.flatMap((u) => u.words ?? []);
    expect(words.length).toBeGreaterThan(5000);
    let previousEnd = 0;
    for (const w of words) {
      expect(w.start).toBeGreaterThanOrEqual(previousEnd);
      expect(w.end).toBeGreaterThan(w.start);
      previousEnd = w.end;
    }
    expect(previousEnd * 1000).toBeLessThan(call.duration_ms);
    const longDecimals = words.filter((w) => /\.\d{12,}$/.test(String(w.start)));
    expect(longDecimals.length / words.length).toBeGreaterThan(0.5);
  });

  it('has the transcript three ways, tool calls paired with their results', () => {
    const utterances = call.transcript_object;
    expect(call.transcript.split('\n')).toHaveLength(utterances.length);
    const spoken = call.transcript_with_tool_calls.filter((e) => e.words);
    expect(spoken).toEqual(utterances);
    const tools = call.transcript_with_tool_calls.filter((e) => !e.words);
    expect(tools.length).toBeGreaterThan(20);
    for (let i = 0; i < tools.length; i += 2) {
      expect(tools[i]).toMatchObject({ role: 'tool_call_invocation' });
      expect(tools[i + 1]).toMatchObject({
        role: 'tool_call_result',
        tool_call_id: tools[i].tool_call_id,
      });
      expect(() => JSON.parse(tools[i].arguments!)).not.toThrow();
    }
  });

  it('carries per stage what Retell sends then', () => {
    const ongoing = retellLongCall({ minutes: 5, stage: 'ongoing' });
    expect(ongoing).toMatchObject({ call_status: 'ongoing' });
    expect(ongoing).not.toHaveProperty('end_timestamp');
    expect(ongoing).not.toHaveProperty('latency');
    const ended = longCallWebhookBody('call_ended', { minutes: 5 }).call;
    expect(ended).toMatchObject({ call_status: 'ended', disconnection_reason: 'user_hangup' });
    expect(ended).toHaveProperty('latency.e2e.p50');
    expect(ended).toHaveProperty('call_cost.combined_cost');
    expect(ended).not.toHaveProperty('call_analysis');
    expect(call).toHaveProperty('call_analysis.user_sentiment', 'Positive');
  });
});
