import {
  conversation,
  Random,
  seededRandom,
  SpokenTurn,
  ToolCallTurn,
  Turn,
} from './retell-long-call.conversation';

/**
 * A long call as Retell sends it: the Get Call object (retell-sdk `PhoneCallResponse`) of a
 * German salon call, with the transcript three times over (`transcript`, `transcript_object`
 * with word timings, `transcript_with_tool_calls` with the function calls between), as a
 * function call's `call` carries it mid-call and call_ended / call_analyzed carry it after.
 * Sized by duration and deterministic for a seed.
 *
 * - `ongoing`: what a function call late in the call carries (transcript so far, no end).
 * - `ended`: call_ended, every field but `call_analysis` (latency, cost, recordings, ...).
 * - `analyzed`: call_analyzed, with `call_analysis`.
 */
export type LongCallStage = 'ongoing' | 'ended' | 'analyzed';

export interface LongCallOptions {
  readonly minutes: number;
  readonly stage?: LongCallStage;
  readonly seed?: number;
  readonly callId?: string;
  readonly fromNumber?: string;
  readonly toNumber?: string;
  readonly agentId?: string;
  /** The call's start, ms since the epoch. */
  readonly startTimestamp?: number;
  /** Retell leaves `metadata` out when the call was given none. */
  readonly metadata?: Record<string, unknown>;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function retellLongCall(options: LongCallOptions): Record<string, unknown> {
  const stage = options.stage ?? 'ongoing';
  const r = seededRandom(options.seed ?? 20261126);
  const callId = options.callId ?? `call_${r.hex(32)}`;
  const start = options.startTimestamp ?? Date.UTC(2026, 10, 26, 14, 0, 0);
  const turns = conversation(options.minutes * 60, r);
  const spoken = turns.filter((t): t is SpokenTurn => t.kind === 'spoken');
  const durationMs = Math.round((spoken[spoken.length - 1].words.at(-1)!.end + 1.5) * 1000);

  const call: Record<string, unknown> = {
    call_id: callId,
    call_type: 'phone_call',
    agent_id: options.agentId ?? 'agent_haarmonie_demo',
    agent_version: 7,
    agent_name: 'Salon Haarmonie Empfang',
    call_status: stage === 'ongoing' ? 'ongoing' : 'ended',
    direction: 'inbound',
    from_number: options.fromNumber ?? '+4915112345678',
    to_number: options.toNumber ?? '+4930901820',
    retell_llm_dynamic_variables: {
      heute: 'Donnerstag, 26. November 2026',
      kunde_vorname: 'Erika',
      kunde_bekannt: 'true',
    },
    ...(options.metadata ? { metadata: options.metadata } : {}),
    custom_sip_headers: {},
    data_storage_setting: 'everything',
    opt_in_signed_url: false,
    start_timestamp: start,
    telephony_identifier: { twilio_call_sid: `CA${r.hex(32)}` },
    transcript: spoken
      .map((t) => `${t.role === 'agent' ? 'Agent' : 'User'}: ${t.content}`)
      .join('\n'),
    transcript_object: spoken.map(utterance),
    transcript_with_tool_calls: turns.flatMap(withToolCalls),
  };
  if (stage === 'ongoing') return call;

  const agentTurns = spoken.filter((t) => t.role === 'agent').length;
  Object.assign(call, {
    end_timestamp: start + durationMs,
    duration_ms: durationMs,
    disconnection_reason: 'user_hangup',
    recording_url: `https://dxc03zgurdly9.cloudfront.net/${r.hex(64)}/recording.wav`,
    recording_multi_channel_url: `https://dxc03zgurdly9.cloudfront.net/${r.hex(64)}/recording_multichannel.wav`,
    public_log_url: `https://dxc03zgurdly9.cloudfront.net/${r.hex(64)}/public.log`,
    collected_dynamic_variables: { kunde_name: 'Erika Mustermann', termine_gebucht: '3' },
    latency: {
      e2e: latency(r, agentTurns, 750, 1900),
      llm: latency(r, agentTurns, 380, 1250),
      tts: latency(r, agentTurns, 140, 420),
      asr: latency(r, agentTurns, 5, 60),
    },
    llm_token_usage: tokenUsage(agentTurns),
    call_cost: callCost(durationMs / 1000),
  });
  if (stage === 'analyzed') {
    call.call_analysis = {
      call_summary:
        'Die Anruferin Erika Mustermann hat mehrere Termine für sich und ihre Familie gebucht, einen Termin verschoben und nach Preisen für Färben und Strähnchen gefragt. Alle Buchungen wurden bestätigt.',
      user_sentiment: 'Positive',
      call_successful: true,
      in_voicemail: false,
      custom_analysis_data: {
        kunde_name: 'Erika Mustermann',
        termine_gebucht: 3,
        rueckruf_gewuenscht: false,
      },
    };
  }
  return call;
}

/** Retell's function-call body (`{ name, args, call }`) late in a long call. */
export function longCallFunctionBody(
  name: string,
  args: Record<string, unknown>,
  options: LongCallOptions,
): { name: string; args: Record<string, unknown>; call: Record<string, unknown> } {
  return { name, args, call: retellLongCall({ ...options, stage: 'ongoing' }) };
}

/** Retell's call webhook body (`{ event, call }`) at the end of a long call. */
export function longCallWebhookBody(
  event: 'call_ended' | 'call_analyzed',
  options: LongCallOptions,
): { event: string; call: Record<string, unknown> } {
  const stage = event === 'call_ended' ? 'ended' : 'analyzed';
  return { event, call: retellLongCall({ ...options, stage }) };
}

const utterance = (t: SpokenTurn) => ({ role: t.role, content: t.content, words: t.words });

function withToolCalls(t: Turn): Array<Record<string, unknown>> {
  if (t.kind === 'spoken') return [utterance(t)];
  const tool: ToolCallTurn = t;
  return [
    {
      role: 'tool_call_invocation',
      tool_call_id: tool.toolCallId,
      name: tool.name,
      arguments: tool.arguments,
    },
    {
      role: 'tool_call_result',
      tool_call_id: tool.toolCallId,
      content: tool.result,
      successful: true,
    },
  ];
}

/** One latency series (ms) as Retell reports it: every turn's value and its percentiles. */
function latency(r: Random, count: number, min: number, max: number) {
  const values = Array.from({ length: count }, () => r.int(min, max));
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(count - 1, Math.floor(q * count))];
  return {
    values,
    min: sorted[0],
    max: sorted[count - 1],
    num: count,
    p50: at(0.5),
    p90: at(0.9),
    p95: at(0.95),
    p99: at(0.99),
  };
}

/** Prompt tokens per LLM request grow with the transcript the model is sent. */
function tokenUsage(requests: number) {
  const values = Array.from({ length: requests }, (_, k) => 1850 + k * 47);
  return {
    values,
    average: values.reduce((a, b) => a + b, 0) / requests,
    num_requests: requests,
  };
}

function callCost(seconds: number) {
  const products = [
    { product: 'retell_platform', unit_price: 0.1166667 },
    { product: 'gpt_4_1', unit_price: 0.0075 },
    { product: 'elevenlabs_tts', unit_price: 0.1166667 },
    { product: 'retell_twilio', unit_price: 0.0233333 },
  ].map((p) => ({ ...p, cost: round2(p.unit_price * seconds) }));
  return {
    product_costs: products,
    combined_cost: round2(products.reduce((sum, p) => sum + p.cost, 0)),
    total_duration_seconds: Math.round(seconds),
    total_duration_unit_price: products.reduce((sum, p) => sum + p.unit_price, 0),
  };
}
