/** What the caller answered to "may we recognise you by your number next time?". */
export type ConsentAnswer = 'given' | 'refused';

const YES = new Set([
  'ja',
  'jawohl',
  'gerne',
  'gern',
  'ja gerne',
  'ja gern',
  'einverstanden',
  'ok',
  'okay',
  'klar',
  'natuerlich',
  'sicher',
  'yes',
  'true',
  '1',
  'ja bitte',
  'ja klar',
  'ja natuerlich',
]);
const NO = new Set([
  'nein',
  'nee',
  'ne',
  'no',
  'false',
  '0',
  'lieber nicht',
  'nein danke',
  'nicht',
  'auf keinen fall',
  'bitte nicht',
  'nein bitte nicht',
]);

/**
 * The caller's consent as the agent passed it on ("ja", "nein", true, "gerne"); undefined when
 * nothing was said or the answer is neither, so no consent is ever assumed from a maybe.
 */
export function readConsentAnswer(said: string | undefined): ConsentAnswer | undefined {
  const text = (said ?? '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/ü/g, 'ue')
    .replace(/[.,!?;:"']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (YES.has(text)) return 'given';
  if (NO.has(text)) return 'refused';
  return undefined;
}
