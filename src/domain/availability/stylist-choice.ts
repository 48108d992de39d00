/**
 * Who does which service of a visit shared by several stylists, from who could (`options[i]`:
 * the stylists free for service i, in the order the search prefers them). The best choice
 * hands the customer over the fewest times (the stylist of the previous service stays on),
 * then involves the fewest stylists, then takes the preferred stylists service by service.
 * Undefined when some service has nobody.
 *
 * A visit holds a handful of services; the search stops looking for better after `budget`
 * steps and keeps the best found, which is always a valid choice.
 */
export function chooseStylists(
  options: ReadonlyArray<readonly string[]>,
  preference: readonly string[],
  budget = 20_000,
): string[] | undefined {
  if (options.some((o) => o.length === 0)) return undefined;
  const rank = (id: string): number => {
    const i = preference.indexOf(id);
    return i < 0 ? preference.length : i;
  };
  let best: { chosen: string[]; score: number[] } | undefined;
  let steps = 0;
  const chosen: string[] = [];

  const visit = (i: number, changes: number, used: ReadonlySet<string>): void => {
    if (++steps > budget && best) return;
    if (
      best &&
      !(changes < best.score[0] || (changes === best.score[0] && used.size <= best.score[1]))
    ) {
      return;
    }
    if (i === options.length) {
      const score = [changes, used.size, ...chosen.map(rank)];
      if (!best || lessThan(score, best.score)) best = { chosen: [...chosen], score };
      return;
    }
    const previous = chosen[i - 1];
    const ordered = [...options[i]].sort(
      (a, b) =>
        Number(b === previous) - Number(a === previous) ||
        Number(used.has(b)) - Number(used.has(a)) ||
        rank(a) - rank(b),
    );
    for (const id of ordered) {
      chosen.push(id);
      const change = previous !== undefined && previous !== id ? 1 : 0;
      visit(i + 1, changes + change, used.has(id) ? used : new Set([...used, id]));
      chosen.pop();
    }
  };
  visit(0, 0, new Set());
  return best?.chosen;
}

function lessThan(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}
