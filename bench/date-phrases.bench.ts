/**
 * Resolves 1,000 mixed date + time phrases per round, as the voice agent sends them, and
 * prints median and p95 milliseconds per 1,000 (goal: median <= 20 ms).
 * Run: nest build && node dist/bench/date-phrases.bench.js
 */
import { resolveGermanDateTime } from '../src/domain/language';
import type { OpeningWindow } from '../src/domain/language';

const ZONE = 'Europe/Berlin';
const NOW = new Date('2026-11-26T14:00:00Z');
const WARMUP_ROUNDS = 30;
const ROUNDS = 300;
const PER_ROUND = 1000;

const hours = (): OpeningWindow[] => [{ from: '09:00', to: '18:00' }];

// [date, time]: an empty part means the other carries the whole phrase.
const PHRASES: readonly (readonly [string, string])[] = [
  ['morgen', 'halb drei'],
  ['Freitag', '10 Uhr'],
  ['nächsten Freitag', 'viertel nach zehn'],
  ['Freitag nächste Woche', '14:30'],
  ['in zwei Wochen', 'um drei'],
  ['5. Dezember', '11 Uhr'],
  ['am fünften Dezember', 'zehn Uhr dreißig'],
  ['06.11.', 'dreiviertel elf'],
  ['06.11.2025', '15:45'],
  ['2026-12-05', '09:00'],
  ['2026-12-05T10:00:00', ''],
  ['übermorgen', 'fünf vor halb vier'],
  ['uebermorgen', 'drei Uhr nachmittags'],
  ['heute', '16 Uhr'],
  ['in 3 Tagen', 'zehn nach drei'],
  ['kommenden Montag', 'viertel vor elf'],
  ['5 Dez', '1430'],
  ['12. Maerz 2023', 'halb zehn'],
  ['morgen um halb drei', ''],
  ['', 'Freitag nachmittags um drei'],
  ['am 5. Dezember um 10:30 Uhr', ''],
  ['um drei am Freitag', ''],
  ['blabla', '10 Uhr'],
  ['morgen', 'irgendwann'],
  ['Feb 30', '10 Uhr'],
];

const round = (): number => {
  const start = process.hrtime.bigint();
  let resolved = 0;
  for (let i = 0; i < PER_ROUND; i++) {
    const [date, time] = PHRASES[i % PHRASES.length];
    const result = resolveGermanDateTime(date, time, {
      now: NOW,
      zone: ZONE,
      openingHoursFor: hours,
    });
    if (result.ok) resolved++;
  }
  if (resolved === 0) throw new Error('nothing resolved: the bench measures nothing');
  return Number(process.hrtime.bigint() - start) / 1e6;
};

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

for (let i = 0; i < WARMUP_ROUNDS; i++) round();
const times = Array.from({ length: ROUNDS }, round).sort((a, b) => a - b);
console.log(
  `date phrases: ${PER_ROUND} per round, ${ROUNDS} rounds: ` +
    `median ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms ` +
    `(goal <= 20 ms)`,
);
