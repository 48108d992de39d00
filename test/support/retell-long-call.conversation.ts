/**
 * The spoken part of a long German salon call for the long-call fixture: turns of agent and
 * caller with Retell's word timings, and the phone functions the agent called in between.
 * Deterministic for a seed.
 */

/** A seeded PRNG (mulberry32): the same seed gives the same call, byte for byte. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
  const hex = (length: number): string =>
    Array.from({ length }, () => int(0, 15).toString(16)).join('');
  return { next, int, pick, hex };
}
export type Random = ReturnType<typeof seededRandom>;

export interface Word {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}
export interface SpokenTurn {
  readonly kind: 'spoken';
  readonly role: 'agent' | 'user';
  readonly content: string;
  readonly words: Word[];
}
export interface ToolCallTurn {
  readonly kind: 'tool';
  readonly toolCallId: string;
  readonly name: string;
  /** The arguments as Retell writes them: a JSON string. */
  readonly arguments: string;
  /** Our answer as Retell keeps it: the response body as a string. */
  readonly result: string;
}
export type Turn = SpokenTurn | ToolCallTurn;

const SERVICES = ['Damenhaarschnitt', 'Herrenhaarschnitt', 'Kinderhaarschnitt', 'Dauerwelle'];
const MORE_SERVICES = ['Färben', 'Strähnchen', 'Waschen und Föhnen', 'Pony schneiden'];
const DAYS = ['Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'nächsten Freitag'];
const DATES = ['4. Dezember', '11. Dezember', '18. Dezember', '8. Januar', '15. Januar'];
const TIMES = ['neun Uhr', 'halb zehn', 'zehn Uhr', 'viertel nach elf', '14 Uhr', 'halb drei'];
const STYLISTS = ['Anna', 'Mehmet', 'Lena', 'Clara Oberholzer'];
const FAMILY = ['meine Tochter Sophie', 'meinen Mann Jürgen', 'meine Mutter', 'meinen Sohn Jonas'];

type Line = (r: Random) => string;
const AGENT_LINES: readonly Line[] = [
  (r) => `Sehr gern. Für welchen Tag wünschen Sie den Termin für ${r.pick(SERVICES)}?`,
  (r) =>
    `Am ${r.pick(DAYS)}, ${r.pick(DATES)} um ${r.pick(TIMES)} bei ${r.pick(STYLISTS)} ist frei. Soll ich den Termin für Sie eintragen?`,
  (r) =>
    `Einen Moment bitte, ich schaue kurz im Kalender nach, ob ${r.pick(STYLISTS)} da noch Zeit hat.`,
  (r) =>
    `Die ${r.pick(SERVICES)} dauert bei uns etwa ${r.int(3, 9) * 15} Minuten, und ${r.pick(STYLISTS)} macht sie am liebsten vormittags.`,
  () => 'Darf ich noch Ihren vollständigen Namen für die Buchung aufnehmen?',
  (r) =>
    `Der Termin am ${r.pick(DATES)} ist eingetragen. Möchten Sie für ${r.pick(FAMILY)} auch gleich einen Termin?`,
  (r) =>
    `Leider ist ${r.pick(TIMES)} schon vergeben. Ich könnte Ihnen ${r.pick(TIMES)} oder ${r.pick(TIMES)} anbieten.`,
  (r) =>
    `Sie haben ${r.int(2, 4)} Termine bei uns; der nächste ist am ${r.pick(DAYS)} um ${r.pick(TIMES)}. Soll ich die anderen nennen?`,
  () => 'Gibt es sonst noch etwas, bei dem ich Ihnen helfen kann?',
  (r) =>
    `Für ${r.pick(MORE_SERVICES)} planen wir zusätzlich Einwirkzeit ein; in der Zeit kann ${r.pick(STYLISTS)} eine andere Kundin bedienen.`,
];
const USER_LINES: readonly Line[] = [
  (r) => `Ja, ich hätte gern einen Termin für ${r.pick(SERVICES)}, am besten ${r.pick(DAYS)}.`,
  (r) => `Geht auch ${r.pick(TIMES)}? Vormittags ist es bei mir schwierig, wegen der Arbeit.`,
  () => 'Ja, genau, das passt mir gut.',
  (r) =>
    `Und könnten Sie für ${r.pick(FAMILY)} am selben Tag noch einen ${r.pick(SERVICES)} eintragen?`,
  () => 'Ähm, Moment, ich muss kurz in meinen Kalender schauen, bleiben Sie dran.',
  () => `Mein Name ist Erika Mustermann, mit k, und die Nummer ist die, von der ich anrufe.`,
  (r) =>
    `Ich wollte eigentlich zu ${r.pick(STYLISTS)}, die hat mir letztes Mal die ${r.pick(MORE_SERVICES)} gemacht, das war wirklich schön.`,
  (r) => `Können wir den Termin am ${r.pick(DATES)} auf ${r.pick(TIMES)} verschieben?`,
  () => 'Was kostet das denn ungefähr, mit Waschen und Föhnen?',
  () => 'Nein, danke, das wäre alles. Oder doch, eine Frage hätte ich noch.',
];

const FUNCTIONS = [
  'check_availability',
  'book_appointment',
  'list_appointments',
  'get_service_info',
  'reschedule_appointment',
] as const;

function toolCall(r: Random): ToolCallTurn {
  const name = r.pick(FUNCTIONS);
  const args = {
    service: r.pick(SERVICES),
    date: `${r.pick(DAYS)}, ${r.pick(DATES)}`,
    time: r.pick(TIMES),
    staff: r.pick(STYLISTS),
    ...(name === 'book_appointment' ? { name: 'Erika Mustermann' } : {}),
    execution_message: 'Einen Moment bitte, ich sehe nach.',
  };
  const result = {
    success: true,
    code: name === 'check_availability' ? 'AVAILABILITY.AVAILABLE' : 'OK',
    message: `Am ${args.date} um ${args.time} bei ${args.staff} ist frei. Soll ich den Termin für Sie eintragen?`,
    data: { date: '2026-12-04', time: '10:00', staff: args.staff, hold_minutes: 3 },
  };
  return {
    kind: 'tool',
    toolCallId: r.hex(16),
    name,
    arguments: JSON.stringify(args),
    result: JSON.stringify(result),
  };
}

/**
 * Words timed as Retell times them: seconds from the call's start, sums of 20 ms audio frames
 * kept as binary floats, so they read 12.340000000000002 rather than 12.34.
 */
function timedWords(content: string, r: Random, clock: { t: number }): Word[] {
  return content.split(' ').map((word) => {
    const start = clock.t;
    clock.t += 0.02 * r.int(9, 30);
    const end = clock.t;
    clock.t += 0.02 * r.int(0, 6);
    return { word, start, end };
  });
}

/** Turns until `seconds` of call have passed; a tool call about every fifth agent turn. */
export function conversation(seconds: number, r: Random): Turn[] {
  const clock = { t: 0.02 * r.int(20, 60) };
  const turns: Turn[] = [];
  const say = (role: 'agent' | 'user', content: string) => {
    turns.push({ kind: 'spoken', role, content, words: timedWords(content, r, clock) });
    clock.t += 0.02 * r.int(25, 90); // the other side takes the turn
  };
  say('agent', 'Salon Haarmonie, Sie sprechen mit der digitalen Assistentin. Wie kann ich helfen?');
  while (clock.t < seconds - 10) {
    say('user', r.pick(USER_LINES)(r));
    if (r.next() < 0.2) {
      say('agent', 'Einen Moment bitte, ich sehe nach.');
      turns.push(toolCall(r));
      clock.t += 0.02 * r.int(10, 60); // the function's answer
    }
    say('agent', r.pick(AGENT_LINES)(r));
  }
  say('agent', 'Vielen Dank für Ihren Anruf und bis bald im Salon Haarmonie. Auf Wiederhören!');
  return turns;
}
