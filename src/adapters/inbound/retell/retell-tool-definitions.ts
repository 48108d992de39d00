import { buildTransferTool, RetellTransferCallTool } from './retell-transfer-tool';
import { acceptedNames, ARGUMENT_KEYS, ARGUMENTS, ArgumentKey, TOOL_LIST } from './tool-catalogue';

/** Retell's custom tool, as its API and dashboard take it. */
export interface RetellCustomTool {
  readonly type: 'custom';
  readonly name: string;
  readonly description: string;
  readonly url: string;
  readonly method: 'POST';
  readonly parameters: {
    readonly type: 'object';
    readonly properties: Record<string, { type: 'string'; maxLength: number; description: string }>;
    readonly required: string[];
  };
  readonly speak_during_execution: boolean;
  readonly speak_after_execution: boolean;
  readonly execution_message_description?: string;
  readonly execution_message_type?: 'static_text';
  readonly timeout_ms: number;
}

export interface RetellToolCatalogue {
  readonly function_call_url: string;
  readonly tools: RetellCustomTool[];
  /** Retell's own tool that hands the call to the branch's person (transfer_number). */
  readonly transfer_call_tool: RetellTransferCallTool;
  /** Every argument name the service accepts, by schema name (German names included). */
  readonly accepted_argument_names: Record<string, readonly string[]>;
}

/** Retell waits up to two minutes by default; a live caller should never wait that long. */
const TIMEOUT_MS = 10_000;

function property(key: ArgumentKey) {
  const spec = ARGUMENTS[key];
  return {
    type: 'string' as const,
    maxLength: spec.maxLength,
    description: `${spec.description}. Auch akzeptiert / also accepted: ${spec.aliases.join(', ')}`,
  };
}

/** The tool definitions to paste into the agent, generated from the tool catalogue. */
export function buildRetellTools(baseUrl: string): RetellToolCatalogue {
  const url = `${baseUrl.replace(/\/+$/, '')}/api/retell/function-call`;
  const tools = TOOL_LIST.map((tool): RetellCustomTool => {
    const keys = [...tool.required, ...tool.optional];
    return {
      type: 'custom',
      name: tool.name,
      description: tool.description,
      url,
      method: 'POST',
      parameters: {
        type: 'object',
        properties: Object.fromEntries(keys.map((k) => [ARGUMENTS[k].schemaName, property(k)])),
        required: tool.required.map((k) => ARGUMENTS[k].schemaName),
      },
      speak_during_execution: tool.filler !== undefined,
      speak_after_execution: true,
      ...(tool.filler
        ? {
            execution_message_description: tool.filler,
            execution_message_type: 'static_text' as const,
          }
        : {}),
      timeout_ms: TIMEOUT_MS,
    };
  });
  return {
    function_call_url: url,
    tools,
    transfer_call_tool: buildTransferTool(),
    accepted_argument_names: Object.fromEntries(
      ARGUMENT_KEYS.map((k) => [ARGUMENTS[k].schemaName, acceptedNames(k)]),
    ),
  };
}
