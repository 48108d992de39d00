import { SeveralServices } from '../../../../application/booking/wish-refusal';
import { Service } from '../../../../domain/salon/service';
import { NamedPart } from '../../../../domain/salon/service-list-matcher';
import {
  fitSpoken,
  joinGerman,
  sentenceWithNames,
  shortName,
} from '../../../../domain/shared/german-messages';
import { answer, FunctionAnswer } from './function-answer';

/**
 * Several services said in one phrase: the first part not understood is named in the caller's
 * own words and asked about (with the candidates or the services offered, after those already
 * understood); when all were
 * understood but cannot be booked together, the caller is asked which one to book.
 */
export function severalServicesAnswer({ parts }: SeveralServices): FunctionAnswer {
  const understood = parts.flatMap((p) => (p.match.kind === 'match' ? [p.match.service.name] : []));
  const unclear = parts.find((p) => p.match.kind !== 'match');
  if (unclear) return unclearPartAnswer(unclear, understood);
  return answer(
    'SERVICE.SEVERAL',
    fitSpoken(
      (cap) =>
        `${joinGerman(understood.map((n) => shortName(n, cap)))} in einem Termin kann ich leider ` +
        'nicht buchen. Welche Leistung möchten Sie buchen?',
      () => 'Mehrere Leistungen in einem Termin kann ich leider nicht buchen. Welche zuerst?',
    ),
    { services: understood },
  );
}

/** A part of several services not understood, named back in the caller's words. */
export function unclearPartAnswer(part: NamedPart<Service>, understood: string[]): FunctionAnswer {
  const facts = { not_understood: part.spoken, understood };
  const words = plainWords(part.spoken);
  const said = (cap: number) => `„${shortName(words, cap) || '…'}“`;
  if (part.match.kind === 'ambiguous') {
    const candidates = part.match.candidates.map((c) => c.name);
    const which = (cap: number) =>
      `Bei ${said(cap)} meinen Sie ${joinGerman(
        candidates.map((c) => shortName(c, cap)),
        'oder',
      )}?`;
    // "Schneiden und Färben": the caller hears that Färben was taken before being asked.
    const noted = (cap: number) =>
      understood.length ? `${joinGerman(understood.map((n) => shortName(n, cap)))} habe ich. ` : '';
    const message = fitSpoken(
      (cap) => `${noted(cap)}${which(cap)}`,
      which,
      // Shorter names before no names: the plain question only once every cap is tried.
      (cap) => (cap > 0 ? which(cap) : 'Eine der Leistungen passt zu mehreren. Welche genau?'),
    );
    return answer(part.match.code, message, { ...facts, candidates });
  }
  const offered = part.match.kind === 'unknown' ? part.match.offered : [];
  const message = fitSpoken(
    (cap) =>
      sentenceWithNames(
        `${said(cap)} habe ich nicht gefunden. Wir bieten an: `,
        offered,
        '.',
        cap,
        `${said(cap)} habe ich nicht gefunden. Welche Leistung meinen Sie?`,
      ),
    (cap) => `${said(cap)} habe ich nicht gefunden. Welche Leistung meinen Sie?`,
    () => 'Eine der Leistungen habe ich nicht gefunden. Welche meinen Sie?',
  );
  return answer('SERVICE.UNKNOWN', message, { ...facts, offered });
}

/**
 * The caller's words as the agent may say them: a transcript can carry markup or symbols
 * (“<script>”, “{{…}}”), which are neither spoken nor safe to echo, so only letters, digits
 * and the marks inside names are kept.
 */
function plainWords(spoken: string): string {
  return spoken
    .replace(/[^\p{L}\p{N}\s'’.-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
