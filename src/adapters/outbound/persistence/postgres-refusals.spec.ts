import { QueryFailedError } from 'typeorm';
import { StoreRefusal } from '../../../application/ports/store-refusal.error';
import {
  inStoreTerms,
  isExclusionViolation,
  isLostToConcurrency,
  isUniqueViolation,
  refusalsInStoreTerms,
  speakingStoreTerms,
} from './postgres-refusals';

const refused = (code: string, constraint?: string) =>
  new QueryFailedError(
    'INSERT …',
    [],
    Object.assign(new Error('refused'), { code, ...(constraint ? { constraint } : {}) }),
  );

describe('Postgres refusals in store terms', () => {
  it.each([
    ['23P01', 'STORE.TIME_TAKEN'],
    ['23505', 'STORE.DUPLICATE'],
    ['23503', 'STORE.MISSING_REFERENCE'],
    ['23514', 'STORE.RULE_BROKEN'],
    ['23502', 'STORE.RULE_BROKEN'],
    ['22P02', 'STORE.MALFORMED_VALUE'],
    ['22007', 'STORE.MALFORMED_TIME'],
    ['22008', 'STORE.TIME_OUT_OF_RANGE'],
    ['22003', 'STORE.NUMBER_OUT_OF_RANGE'],
    ['22001', 'STORE.VALUE_TOO_LONG'],
    ['22012', 'STORE.BAD_VALUE'],
    ['40001', 'STORE.CONTENDED'],
    ['40P01', 'STORE.CONTENDED'],
  ])('names %s %s', (sqlState, code) => {
    const translated = inStoreTerms(refused(sqlState));
    expect(translated).toBeInstanceOf(StoreRefusal);
    expect(translated).toMatchObject({ code });
  });

  it('keeps the name of the rule that refused, and no value of the row', () => {
    const translated = inStoreTerms(refused('23505', 'staff_branch_name_key')) as StoreRefusal;
    expect(translated.constraint).toBe('staff_branch_name_key');
    expect(translated.message).toBe(
      'the database refused this: STORE.DUPLICATE (staff_branch_name_key)',
    );
  });

  it.each([
    ['an outage', Object.assign(new Error('timeout'), { code: '57014' })],
    ['a bug in a statement', refused('42703')],
    ['an error without a code', new Error('boom')],
    ['a refusal already translated', new StoreRefusal('STORE.DUPLICATE')],
  ])('leaves %s as it was', (_what, error) => {
    expect(inStoreTerms(error)).toBe(error);
  });

  it('tells the refusals that adapters expect', () => {
    expect(isUniqueViolation(refused('23505'))).toBe(true);
    expect(isUniqueViolation(refused('23P01'))).toBe(false);
    expect(isExclusionViolation(refused('23P01'))).toBe(true);
    expect(isLostToConcurrency(refused('40P01'))).toBe(true);
    expect(isLostToConcurrency(refused('40001'))).toBe(true);
    expect(isLostToConcurrency(refused('23505'))).toBe(false);
  });

  it('translates what a piece of work throws', async () => {
    await expect(refusalsInStoreTerms(() => Promise.reject(refused('23503')))).rejects.toEqual(
      new StoreRefusal('STORE.MISSING_REFERENCE'),
    );
    await expect(refusalsInStoreTerms(async () => 'done')).resolves.toBe('done');
  });

  describe('an adapter speaking store terms', () => {
    class Adapter {
      calls = 0;
      async add(): Promise<void> {
        this.calls++;
        throw refused('23505');
      }
      async count(): Promise<number> {
        return this.calls;
      }
      forget(): string {
        return 'forgotten';
      }
    }

    it('translates the refusals of its asynchronous methods, with `this` intact', async () => {
      const adapter = speakingStoreTerms(new Adapter());
      await expect(adapter.add()).rejects.toEqual(new StoreRefusal('STORE.DUPLICATE'));
      expect(await adapter.count()).toBe(1);
    });

    it('leaves synchronous methods, fields and its class as they were', () => {
      const adapter = speakingStoreTerms(new Adapter());
      expect(adapter.forget()).toBe('forgotten');
      expect(adapter.calls).toBe(0);
      expect(adapter).toBeInstanceOf(Adapter);
      expect(adapter.forget).toBe(adapter.forget);
    });

    it('lets a test spy on a method, and restore it', async () => {
      const adapter = speakingStoreTerms(new Adapter());
      const spy = jest.spyOn(adapter, 'count').mockResolvedValueOnce(7);
      expect(await adapter.count()).toBe(7);
      spy.mockRestore();
      expect(await adapter.count()).toBe(0);
      await expect(adapter.add()).rejects.toBeInstanceOf(StoreRefusal);
    });
  });
});
