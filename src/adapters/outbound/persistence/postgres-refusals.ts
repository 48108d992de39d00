import { StoreRefusal, StoreRefusalCode } from '../../../application/ports/store-refusal.error';

/*
 * Postgres's SQLSTATEs for what it refuses, known here and nowhere else: classes 22 (data
 * exception) and 23 (integrity constraint violation), and the two conflicts a transaction can
 * lose. Adapters that expect a refusal (a duplicate name, an overlap) look at it through the
 * predicates below; every other one leaves persistence as a StoreRefusal.
 */
const UNIQUE_VIOLATION = '23505';
const EXCLUSION_VIOLATION = '23P01';
const SERIALIZATION_FAILURE = '40001';
const DEADLOCK_DETECTED = '40P01';

const REFUSALS: Readonly<Record<string, StoreRefusalCode>> = {
  [EXCLUSION_VIOLATION]: 'STORE.TIME_TAKEN', // busy_blocks_no_overlap is the only exclusion
  [UNIQUE_VIOLATION]: 'STORE.DUPLICATE',
  '23503': 'STORE.MISSING_REFERENCE', // foreign_key_violation
  '22P02': 'STORE.MALFORMED_VALUE', // invalid_text_representation
  '22007': 'STORE.MALFORMED_TIME', // invalid_datetime_format
  '22008': 'STORE.TIME_OUT_OF_RANGE', // datetime_field_overflow
  '22003': 'STORE.NUMBER_OUT_OF_RANGE', // numeric_value_out_of_range
  '22001': 'STORE.VALUE_TOO_LONG', // string_data_right_truncation
  [SERIALIZATION_FAILURE]: 'STORE.CONTENDED',
  [DEADLOCK_DETECTED]: 'STORE.CONTENDED',
};

/** The rest of each class: 23514 check and 23502 not-null among the rules. */
const BY_CLASS: Readonly<Record<string, StoreRefusalCode>> = {
  '22': 'STORE.BAD_VALUE',
  '23': 'STORE.RULE_BROKEN',
};

interface DriverFields {
  code?: unknown;
  constraint?: unknown;
  driverError?: { code?: unknown; constraint?: unknown };
}

/** The SQLSTATE of a driver error, or of TypeORM's wrapper around one. */
function sqlStateOf(error: unknown): string | undefined {
  const e = error as DriverFields | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

export const isUniqueViolation = (error: unknown): boolean =>
  sqlStateOf(error) === UNIQUE_VIOLATION;

export const isExclusionViolation = (error: unknown): boolean =>
  sqlStateOf(error) === EXCLUSION_VIOLATION;

/** The database gave up on one of two transactions; running it again may well succeed. */
export function isLostToConcurrency(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state === SERIALIZATION_FAILURE || state === DEADLOCK_DETECTED;
}

/** The refusal in the application's terms; any other error (a bug, an outage) as it was. */
export function inStoreTerms(error: unknown): unknown {
  const state = sqlStateOf(error);
  const code = state && (REFUSALS[state] ?? BY_CLASS[state.slice(0, 2)]);
  if (!code) return error;
  const e = error as DriverFields;
  const constraint = e.driverError?.constraint ?? e.constraint;
  return new StoreRefusal(code, typeof constraint === 'string' ? constraint : undefined);
}

/** Runs `work`; what the database refused comes out as a StoreRefusal. */
export async function refusalsInStoreTerms<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw inStoreTerms(error);
  }
}

/**
 * The adapter as its callers see it: the refusals of its class's methods come out as
 * StoreRefusals. Applied once, where the persistence module binds an adapter to its port. Own
 * properties (fields, or a spy a test put in a method's place) pass as they are.
 */
export function speakingStoreTerms<T extends object>(adapter: T): T {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(adapter, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function' || key === 'constructor' || Object.hasOwn(target, key)) {
        return value;
      }
      if (!wrapped.has(key)) {
        wrapped.set(key, (...args: unknown[]) => {
          const result: unknown = value.apply(target, args);
          return result instanceof Promise
            ? result.catch((error: unknown) => {
                throw inStoreTerms(error);
              })
            : result;
        });
      }
      return wrapped.get(key);
    },
  });
}
