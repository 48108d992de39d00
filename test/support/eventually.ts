/**
 * Polls until `condition` holds. The deadline only bounds a hang: nothing is timed, so a slow
 * machine makes a test slower, never red.
 */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  what: string,
  patienceMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + patienceMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
