import { BusyKind } from '../../../domain/availability/busy-interval';

/** One busy interval as the compact text carries it. */
export interface CompactBusy {
  /** 1-based position of the stylist in the list the query was given. */
  readonly staffPosition: number;
  readonly kind: BusyKind;
  readonly startMs: number;
  readonly endMs: number;
}

const KIND_BY_INITIAL: Readonly<Record<string, BusyKind>> = {
  a: 'appointment',
  h: 'hold',
  c: 'calendar',
};

const COMMA = 44;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;

/**
 * Reads "staff,kind,start,end;…" (kind by its initial, instants in epoch ms), the busy read's
 * compact answer, in one pass over the characters: a busy salon's week is a thousand intervals
 * per check, and splitting it into strings first was most of reading it.
 */
export function readCompactBusy(text: string, each: (busy: CompactBusy) => void): void {
  let at = 0;
  // An integer from `at` up to the next separator, which it steps over.
  const integer = (): number => {
    let sign = 1;
    if (text.charCodeAt(at) === MINUS) {
      sign = -1;
      at++;
    }
    const from = at;
    let value = 0;
    for (let c = text.charCodeAt(at); c >= ZERO && c <= NINE; c = text.charCodeAt(++at)) {
      value = value * 10 + (c - ZERO);
    }
    if (at === from) throw new Error(`busy text: a number was expected at ${from}`);
    at++;
    return sign * value;
  };
  while (at < text.length) {
    const staffPosition = integer();
    const kind = KIND_BY_INITIAL[text[at]];
    if (kind === undefined || text.charCodeAt(at + 1) !== COMMA) {
      throw new Error(`busy text: a kind was expected at ${at}`);
    }
    at += 2;
    const startMs = integer();
    const endMs = integer();
    each({ staffPosition, kind, startMs, endMs });
  }
}
