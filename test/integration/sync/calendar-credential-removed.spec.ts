import { TypeOrmCalendarAdmin } from '../../../src/adapters/outbound/persistence/admin/typeorm-calendar-admin';
import { at, book, createWorld, relayAndSettle, syncRow, type World } from './sync-harness';

/** A removed Cal.com credential: syncs through its mappings stop and say what is missing. */
describe('calendar sync after its credential was removed', () => {
  let w: World;

  beforeAll(async () => {
    w = await createWorld({ redis: false });
  });
  afterAll(() => w?.close());

  it('books nothing and leaves the appointment for a person, naming the missing credential', async () => {
    const removed = await new TypeOrmCalendarAdmin(w.db.dataSource.manager, null).removeCredential(
      w.salon.companyId,
      w.credentialId,
      new Date('2026-11-26T14:00:00Z'),
    );
    expect(removed).toEqual({ mappings: 4 });

    const a = await book(w, w.cut, at('09:00'));
    await relayAndSettle(w);

    const row = await syncRow(w, a.id);
    expect(row.state).toBe('manual_review');
    expect(row.error).toContain('no calendar credential');
    expect(w.fake.live()).toEqual([]);
  });
});
