/**
 * `work`, failing after `timeoutMs`. The fail-fast connection refuses at once while Redis is
 * away, but BullMQ first waits for a connection it has never had (a start while Redis is away),
 * and a phone answer must not wait for that.
 */
export async function bounded<T>(what: string, work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
