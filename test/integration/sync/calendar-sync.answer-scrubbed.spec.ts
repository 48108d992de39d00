import { at, book, createWorld, relayAndSettle, syncRow, type World } from './sync-harness';

/**
 * What Cal.com (or whatever a tenant's base URL pointed at) answered reaches lastSyncError and
 * the audit log, read by /sync/manual-review and /sync/failures, only as a status and a
 * short scrubbed reason.
 */
describe('calendar sync failures keep no Cal.com answer text beyond a short reason', () => {
  let w: World;
  const secrets = [
    'dana.schmidt@example.com',
    '151 12345678',
    'internal.example',
    'AKIAIOSFODNN7EXAMPLE',
    'tail-of-a-long-answer',
    '<pre>',
  ];
  const hostile =
    '<pre>Attendee dana.schmidt@example.com (+49 151 12345678) refused; see ' +
    'https://internal.example/latest/meta-data/iam?k=AKIAIOSFODNN7EXAMPLE</pre> ' +
    'lorem ipsum '.repeat(200) +
    'tail-of-a-long-answer';

  beforeAll(async () => {
    w = await createWorld({ redis: false });
  });
  afterAll(() => w?.close());
  beforeEach(() => w.fake.reset());

  it.each([
    [400, '10:00'],
    [500, '14:00'],
  ])('a %s with secrets and a long text in its message', async (status, time) => {
    w.fake.onCreate = () => ({ kind: 'error', status, message: hostile, created: false });
    const a = await book(w, w.cut, at(time));
    await relayAndSettle(w);

    const row = await syncRow(w, a.id);
    expect(row.state).toMatch(/manual_review|failed/);
    expect(row.error).toContain(`Cal.com answered ${status}: Attendee`);
    const audit: Array<{ details: unknown }> = await w.db.dataSource.query(
      `SELECT details FROM audit_log WHERE entity_id = $1`,
      [a.id],
    );
    const stored = [row.error ?? '', ...audit.map((r) => JSON.stringify(r.details))].join('\n');
    for (const secret of secrets) expect(stored).not.toContain(secret);
    // The reason is cut short: one failure is a phase line, never the answer's 2 KB.
    expect(row.error!.length).toBeLessThan(300);
  });
});
