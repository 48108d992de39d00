import { DataSource, EntityManager } from 'typeorm';
import { retriedTransaction } from './retried-transaction';

/** A data source whose transactions fail with the given codes, in turn, then succeed. */
function failingWith(...codes: string[]) {
  let runs = 0;
  const dataSource = {
    transaction: async <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => {
      const code = codes[runs++];
      if (code) throw Object.assign(new Error(`failed with ${code}`), { code });
      return work({} as EntityManager);
    },
  } as unknown as DataSource;
  return { dataSource, runs: () => runs };
}

describe('retriedTransaction', () => {
  it.each(['40P01', '40001'])(
    'runs again after %s, and returns what the next run gives',
    async (code) => {
      const t = failingWith(code);
      expect(await retriedTransaction(t.dataSource, async () => 'booked')).toBe('booked');
      expect(t.runs()).toBe(2);
    },
  );

  it('gives up after three aborted runs', async () => {
    const t = failingWith('40P01', '40P01', '40P01', '40P01');
    await expect(retriedTransaction(t.dataSource, async () => 'booked')).rejects.toThrow(/40P01/);
    expect(t.runs()).toBe(3);
  });

  it.each(['23P01', '23505', undefined])('does not repeat other failures (%s)', async (code) => {
    const t = failingWith(code ?? 'none');
    await expect(retriedTransaction(t.dataSource, async () => 'booked')).rejects.toThrow();
    expect(t.runs()).toBe(1);
  });
});
