const MONTHS = new Map<string, number>();
const monthNames: [number, string[]][] = [
  [1, ['januar', 'jaenner', 'jan']],
  [2, ['februar', 'feber', 'feb', 'febr']],
  [3, ['maerz', 'marz', 'maer', 'mrz']],
  [4, ['april', 'apr']],
  [5, ['mai']],
  [6, ['juni', 'jun']],
  [7, ['juli', 'jul']],
  [8, ['august', 'aug']],
  [9, ['september', 'sep', 'sept']],
  [10, ['oktober', 'okt']],
  [11, ['november', 'nov']],
  [12, ['dezember', 'dez']],
];
for (const [month, names] of monthNames) for (const name of names) MONTHS.set(name, month);

const WEEKDAYS = new Map<string, number>([
  ['montag', 1],
  ['dienstag', 2],
  ['mittwoch', 3],
  ['donnerstag', 4],
  ['freitag', 5],
  ['samstag', 6],
  ['sonnabend', 6],
  ['sonntag', 7],
  // Written short, as agents sometimes pass them on ("Mo, 7.12.", "Fr."); "so" is a word.
  ['mo', 1],
  ['di', 2],
  ['mi', 3],
  ['do', 4],
  ['fr', 5],
  ['sa', 6],
]);

/** "dezember", "dez", "maerz" → month 1-12. */
export const monthValue = (word: string): number | undefined => MONTHS.get(word);

/** "freitag" → ISO weekday 5. */
export const weekdayValue = (word: string): number | undefined => WEEKDAYS.get(word);
