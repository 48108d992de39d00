import {
  ServiceFacts,
  ServiceInfoOutcome,
} from '../../../../application/info/get-service-info.use-case';
import { ServicePrice } from '../../../../domain/salon/service-price';
import {
  fitSpoken,
  MAX_SPOKEN_CHARS,
  sentenceWithNames,
  shortName,
} from '../../../../domain/shared/german-messages';
import { answer, FunctionAnswer } from './function-answer';
import { unclearPartAnswer } from './several-services.answer';

/** How many services an unknown name is answered with. */
const OFFERED = 3;

/** "45 Minuten", "1 Stunde", "2 Stunden und 5 Minuten". */
export function spokenMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = hours === 1 ? '1 Stunde' : `${hours} Stunden`;
  if (hours === 0) return `${rest} Minuten`;
  return rest === 0 ? h : `${h} und ${rest} Minuten`;
}

/** 4500 → "45 Euro", 4550 → "45,50 Euro". */
const euros = (cents: number): string =>
  cents % 100 === 0
    ? `${cents / 100}`
    : `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;

export function spokenPrice(price: ServicePrice | null): string {
  if (price === null) return 'Einen Preis habe ich dafür nicht hinterlegt.';
  if (price.maxCents === 0) return 'Sie ist kostenlos.';
  if (price.minCents === price.maxCents) return `Sie kostet ${euros(price.minCents)} Euro.`;
  return `Sie kostet ${euros(price.minCents)} bis ${euros(price.maxCents)} Euro.`;
}

function duration(s: ServiceFacts): string {
  const total = `Sie dauert etwa ${spokenMinutes(s.totalMinutes)}`;
  if (s.processingMinutes === 0) return `${total}.`;
  return `${total}, davon ${spokenMinutes(s.processingMinutes)} Einwirkzeit.`;
}

/** The description cut at a word to fit `budget`, ending like a sentence. */
function clipped(text: string, budget: number): string {
  const whole = /[.!?…]$/.test(text) ? text : `${text}.`;
  if (whole.length <= budget) return whole;
  if (budget < 12) return '';
  return `${shortName(text, budget - 1)}…`;
}

/** Name, what it includes (as far as room is left), duration, price, who offers it. */
function info(s: ServiceFacts): string {
  const facts = `${duration(s)} ${spokenPrice(s.price)}`;
  const who = (cap: number) =>
    s.stylists.length === 0 ? '' : sentenceWithNames(' Das machen ', s.stylists, '.', cap, '');
  const withText = (cap: number, stylists: boolean) => {
    const name = shortName(s.name, cap);
    const head = name ? `${name}: ` : '';
    const tail = `${facts}${stylists ? who(cap) : ''}`;
    const text = s.description
      ? clipped(s.description, MAX_SPOKEN_CHARS - head.length - tail.length - 1)
      : '';
    return `${head}${text ? `${text} ` : ''}${tail}`;
  };
  return fitSpoken(
    (cap) => withText(cap, true),
    (cap) => withText(cap, false),
    (cap) => `${shortName(s.name, cap) ? `${shortName(s.name, cap)}: ` : ''}${facts}`,
  );
}

/** "Meinen Sie A, B oder C?" after why the caller is asked. */
function whichService(intro: string, offered: readonly string[]): string {
  if (offered.length === 0) return 'Ich kann gerade leider keine Leistungen nennen.';
  const few = offered.slice(0, OFFERED);
  return fitSpoken((cap) =>
    sentenceWithNames(
      `${intro} Meinen Sie `,
      few,
      '?',
      cap,
      `${intro} Welche Leistung meinen Sie?`,
      'oder',
    ),
  );
}

/** get_service_info's outcome: the facts to speak, or which service the caller means. */
export function presentServiceInfo(outcome: ServiceInfoOutcome): FunctionAnswer {
  if (outcome.kind === 'info') {
    const s = outcome.service;
    return answer('OK', info(s), {
      service: s.name,
      description: s.description,
      duration_minutes: s.totalMinutes,
      processing_minutes: s.processingMinutes,
      price_min_cents: s.price?.minCents ?? null,
      price_max_cents: s.price?.maxCents ?? null,
      staff: s.stylists,
    });
  }
  if (outcome.kind === 'several') return severalAsked(outcome.parts);
  const refusal = outcome.refusal;
  if (refusal.kind === 'too-many') {
    return answer(refusal.code, 'Zu welcher Leistung möchten Sie zuerst etwas wissen?', {});
  }
  if (refusal.kind === 'ambiguous') {
    const names = refusal.candidates.map((c) => c.name);
    return answer(refusal.code, whichService('Das passt zu mehreren Leistungen.', names), {
      candidates: names,
    });
  }
  const intro = refusal.heardSomething
    ? 'Diese Leistung habe ich leider nicht gefunden.'
    : 'Zu welcher Leistung möchten Sie etwas wissen?';
  return answer(refusal.code, whichService(intro, refusal.offered), {
    offered: refusal.offered.slice(0, OFFERED),
  });
}

/** Several services said at once: the first unclear one asked about, else which first. */
function severalAsked(parts: Extract<ServiceInfoOutcome, { kind: 'several' }>['parts']) {
  const unclear = parts.find((p) => p.match.kind !== 'match');
  const understood = parts.flatMap((p) => (p.match.kind === 'match' ? [p.match.service.name] : []));
  if (unclear) return unclearPartAnswer(unclear, understood);
  const message = fitSpoken((cap) =>
    sentenceWithNames(
      'Zu welcher Leistung zuerst: ',
      understood,
      '?',
      cap,
      'Zu welcher Leistung möchten Sie zuerst etwas wissen?',
      'oder',
    ),
  );
  return answer('SERVICE.SEVERAL', message, { services: understood });
}
