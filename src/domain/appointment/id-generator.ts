import { randomUUID } from 'node:crypto';

/** Produces fresh ids for new records; tests pass a counter to get stable ids. */
export type IdGenerator = () => string;

export const randomIds: IdGenerator = () => randomUUID();
