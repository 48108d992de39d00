/**
 * The fields of Retell's call object this service reads (readRetellCall, analysisOf, the call
 * id). Retell sends far more, above all the transcript three times over with word timings (a
 * 60-minute call is about a megabyte); the Retell body reader keeps only these and never
 * builds the rest. A field read anywhere must be listed here, or it arrives missing.
 */
export const RETELL_CALL_FIELDS_READ: ReadonlySet<string> = new Set([
  'call_id',
  'call_type',
  'call_status',
  'direction',
  'from_number',
  'to_number',
  'agent_id',
  'agent_version',
  'start_timestamp',
  'end_timestamp',
  'disconnection_reason',
  'metadata',
  'retell_llm_dynamic_variables',
  'call_analysis',
]);
