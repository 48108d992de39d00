/** Edit distance (insert, delete, replace, swap of neighbours) between two short names. */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[a.length][b.length];
}

/**
 * The known name a misspelt one most likely meant (`closedDate` → `closedDates`), or undefined
 * when none is close: case is ignored, and at most a third of the name may differ.
 */
export function closestName(unknown: string, known: readonly string[]): string | undefined {
  const asked = unknown.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    const d = distance(asked, name.toLowerCase());
    if (d <= Math.max(1, Math.floor(name.length / 3)) && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}

/** "property x should not exist" as the admin API's validation says it, with a suggestion. */
export function unknownFieldProblem(unknown: string, known: readonly string[]): string {
  const meant = closestName(unknown, known);
  return `property ${unknown} should not exist${meant ? `; did you mean "${meant}"?` : ''}`;
}
