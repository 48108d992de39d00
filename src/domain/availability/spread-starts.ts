import { FreeStart } from './free-start';

/**
 * Up to `count` starts spread over the candidates, one per start time (the first candidate at
 * a time wins, so the caller's order says whose): the earliest, then each time the candidate
 * farthest from every start chosen so far (ties: the earlier). On a line this keeps the first
 * and the last and puts the rest where the gaps are widest: a caller hears the morning, the
 * middle and the end of the part asked, not three neighbouring quarter-hours. By start.
 */
export function spreadStarts(candidates: readonly FreeStart[], count: number): FreeStart[] {
  const byTime = new Map<number, FreeStart>();
  for (const c of candidates) {
    const t = c.start.getTime();
    if (!byTime.has(t)) byTime.set(t, c);
  }
  const left = [...byTime.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
  const chosen: FreeStart[] = [];
  if (count <= 0 || left.length === 0) return chosen;
  chosen.push(left.shift()!);
  while (chosen.length < count && left.length > 0) {
    let best = 0;
    let bestGap = -1;
    left.forEach((c, i) => {
      const gap = Math.min(...chosen.map((s) => Math.abs(s.start.getTime() - c.start.getTime())));
      if (gap > bestGap) [best, bestGap] = [i, gap];
    });
    chosen.push(left.splice(best, 1)[0]);
  }
  return chosen.sort((a, b) => a.start.getTime() - b.start.getTime());
}
