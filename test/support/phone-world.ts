import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { CallContext } from '../../src/application/booking/call-context';
import { FunctionAnswer } from '../../src/adapters/inbound/retell/answers/function-answer';
import {
  PhoneFunctionArgs,
  PhoneFunctionName,
} from '../../src/application/booking/phone-functions';
import {
  PHONE_FUNCTIONS,
  PhoneFunctions,
} from '../../src/adapters/inbound/retell/phone-functions.dispatcher';
import { SALON_CATALOG, SalonCatalog } from '../../src/application/ports/salon-catalog.port';
import { bookingApp, TestClock } from './booking-app';
import { createTestDatabase, TestDatabase } from './test-database';

/** The demo salon's line, which the phone functions below answer for. */
export const DEMO_SALON_LINE = '+4930901820';

/** The demo salon's phone functions on a fresh database, as a call on its line reaches them. */
export interface PhoneWorld {
  readonly db: TestDatabase;
  readonly app: TestingModule;
  readonly functions: PhoneFunctions;
  readonly ds: DataSource;
  readonly base: Omit<CallContext, 'callId' | 'callerNumber'>;
  run(
    name: PhoneFunctionName,
    args: PhoneFunctionArgs,
    callId: string | null,
    callerNumber: string | null,
  ): Promise<FunctionAnswer>;
  /** Every appointment, hold, block, customer and their traces gone: a calendar as imported. */
  clearCalendar(): Promise<void>;
  close(): Promise<void>;
}

export async function phoneWorld(clock: TestClock): Promise<PhoneWorld> {
  const db = await createTestDatabase();
  const app = await bookingApp(db.url, clock);
  const functions = app.get<PhoneFunctions>(PHONE_FUNCTIONS);
  const ds = app.get(DataSource);
  const catalog = app.get<SalonCatalog>(SALON_CATALOG);
  const branchId = (await catalog.branchIdForAnsweredNumber(DEMO_SALON_LINE))!;
  const base = { companyId: (await catalog.branchContext(branchId))!.companyId, branchId };
  return {
    db,
    app,
    functions,
    ds,
    base,
    run: (name, args, callId, callerNumber) =>
      functions.run(name, { ...base, callId, callerNumber }, args),
    clearCalendar: async () => {
      await ds.query(
        `DELETE FROM busy_blocks; DELETE FROM holds; DELETE FROM sync_outbox; DELETE FROM audit_log; DELETE FROM appointments; DELETE FROM customers`,
      );
    },
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
