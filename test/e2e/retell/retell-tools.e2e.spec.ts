import request from 'supertest';
import { PHONE_FUNCTION_NAMES } from '../../../src/application/booking/phone-functions';
import { ADMIN_KEY, createRetellTestApp, RetellTestApp } from './retell-test-app';

const TOOLS = '/api/admin/retell/tools';

describe('GET /api/admin/retell/tools', () => {
  let t: RetellTestApp;
  beforeAll(async () => {
    t = await createRetellTestApp();
  });
  afterAll(() => t.close());

  const get = (key?: string, query = '') => {
    const req = request(t.app.getHttpServer()).get(`${TOOLS}${query}`);
    return key === undefined ? req : req.set('x-api-key', key);
  };

  it.each([
    ['no key', undefined],
    ['a wrong key', 'admin-bootstrap-key-wrong-wrong-wrong'],
    ['a prefix of the key', ADMIN_KEY.slice(0, 10)],
  ])('401 with %s', async (_label, key) => {
    const res = await get(key);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('ADMIN.UNAUTHORIZED');
  });

  it('200 with the key: every function, schemas naming German and English arguments', async () => {
    const res = await get(ADMIN_KEY, '?base_url=https://salon.example.org/');
    expect(res.status).toBe(200);
    const tools = res.body.tools as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(tools.map((tool) => tool.name)).toEqual([...PHONE_FUNCTION_NAMES]);
    for (const tool of tools) {
      expect(tool).toMatchObject({
        type: 'custom',
        method: 'POST',
        url: 'https://salon.example.org/api/retell/function-call',
        parameters: { type: 'object' },
      });
    }
    const check = tools.find((tool) => tool.name === 'check_availability')!;
    // Day and time are optional: without them the question is an open one.
    expect(check.parameters.required).toEqual(['service']);
    expect(check.description).toMatch(/Haben Sie am Freitag etwas frei\?/);
    expect(check.description).toMatch(/diese Woche/);
    expect(check.description).toMatch(/nächste freie Termin/);
    expect(check.parameters.properties.time.description).toMatch(/nachmittags|vormittags/);
    expect(Object.keys(check.parameters.properties)).toEqual([
      'service',
      'date',
      'time',
      'staff',
      'staff_only',
    ]);
    expect(check.parameters.properties.date.description).toMatch(/datum/);
    expect(check.parameters.properties.service.description).toMatch(/dienstleistung/);
    // A visit may be shared by stylists (splitVisits), days may be holidays said by name.
    expect(check.parameters.properties.service.description).not.toMatch(/eine Person/);
    expect(check.parameters.properties.service.description).toMatch(/wer was macht/);
    expect(check.parameters.properties.date.description).toMatch(/Heiligabend/);
    expect(check.speak_during_execution).toBe(false);

    const book = tools.find((tool) => tool.name === 'book_appointment')!;
    expect(book.parameters.required).toEqual(['service', 'date', 'time', 'name']);
    expect(book.parameters.properties.name.maxLength).toBe(150);
    for (const name of ['book_appointment', 'cancel_appointment', 'reschedule_appointment']) {
      const writing = tools.find((tool) => tool.name === name)!;
      expect(writing.speak_during_execution).toBe(true);
      expect(writing.execution_message_description).toMatch(/^Einen Moment/);
    }
    expect(res.body.accepted_argument_names.date).toEqual(['date', 'datum', 'tag', 'day']);
    expect(res.body.accepted_argument_names.staff).toContain('mitarbeiter');
  });

  it('without base_url the URL is this request’s host', async () => {
    const res = await get(ADMIN_KEY);
    expect(res.body.function_call_url).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/api\/retell\/function-call$/,
    );
  });

  it('a base_url that is no http(s) URL: 400', async () => {
    const res = await get(ADMIN_KEY, '?base_url=javascript:alert(1)');
    expect(res.status).toBe(400);
  });
});

describe('tools endpoint without ADMIN_BOOTSTRAP_KEY configured', () => {
  let t: RetellTestApp;
  beforeAll(async () => {
    t = await createRetellTestApp({ ADMIN_BOOTSTRAP_KEY: '' });
  });
  afterAll(() => t.close());

  it('401 always', async () => {
    for (const key of ['', ADMIN_KEY, 'undefined']) {
      const res = await request(t.app.getHttpServer()).get(TOOLS).set('x-api-key', key);
      expect(res.status).toBe(401);
    }
  });
});

describe('tools endpoint under the admin rate limits', () => {
  let t: RetellTestApp;
  beforeAll(async () => {
    t = await createRetellTestApp({ ADMIN_RATE_LIMIT_FAILED_AUTH_PER_CLIENT: '2' });
  });
  afterAll(() => t.close());

  it('refuses an address that guessed wrong too often, even with the right key', async () => {
    const get = (key: string) => request(t.app.getHttpServer()).get(TOOLS).set('x-api-key', key);
    expect((await get('admin-bootstrap-key-wrong-wrong-wrong')).status).toBe(401);
    expect((await get('admin-bootstrap-key-wrong-again-wrong')).status).toBe(401);
    const refused = await get(ADMIN_KEY);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('ADMIN.RATE_LIMITED');
    expect(refused.headers['retry-after']).toBe('60');
  });
});
