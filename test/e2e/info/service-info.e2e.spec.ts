import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { BootedService, bootService, signedPost } from '../../support/booted-service';
import { importSalonCopies } from '../retell/salon-copies';

const KEY = 'key_e2e_service_info_0123456789';
const NOW = '2026-11-26T14:00:00Z';
const SALON = '+4930901820';
const ADMIN = 'admin-bootstrap-key-service-info-0123456789';

/** Retell's whole function-call body, as a live call sends it. */
function retellBody(
  name: string,
  args: Record<string, unknown>,
  to = SALON,
  agent = 'agent_haarmonie_demo',
) {
  const callId = `call_${randomBytes(16).toString('hex')}`;
  return {
    name,
    args,
    call: {
      call_id: callId,
      call_type: 'phone_call',
      direction: 'inbound',
      from_number: '+4915112345678',
      to_number: to,
      agent_id: agent,
      agent_version: 3,
      call_status: 'ongoing',
      start_timestamp: 1795000000000,
      retell_llm_dynamic_variables: { current_date: 'Donnerstag, 26. November 2026' },
      metadata: {},
      transcript: 'Agent: Salon Haarmonie, guten Tag.\nUser: Was kostet eine Dauerwelle?',
      transcript_object: [],
      transcript_with_tool_calls: [],
      latency: {},
      opt_out_sensitive_data_storage: false,
    },
  };
}

describe('get_service_info over signed HTTP', () => {
  let service: BootedService;
  let app: INestApplication;
  let otherLine: string;

  beforeAll(async () => {
    service = await bootService({
      RETELL_API_KEY: KEY,
      FIXED_NOW: NOW,
      ADMIN_BOOTSTRAP_KEY: ADMIN,
    });
    app = service.app;
    const [copy] = await importSalonCopies(service.db, 1);
    otherLine = copy.line;
    // The other salon charges differently; the demo salon's callers never hear its prices.
    await service.db.dataSource.query(
      `UPDATE services SET price_min_cents = 123400, price_max_cents = 123400, description = 'Kopie'
        WHERE company_id = $1`,
      [copy.companyId],
    );
  }, 60_000);
  afterAll(() => service?.close());

  const ask = async (args: Record<string, unknown>, to = SALON, agent?: string) => {
    const res = await signedPost(
      app,
      '/api/retell/function-call',
      retellBody('get_service_info', args, to, agent),
      KEY,
    );
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown> & {
      success: boolean;
      code: string;
      message: string;
    };
  };

  it('answers in German within 200 characters, with German argument names', async () => {
    const a = await ask({ dienstleistung: 'Färben' });
    expect(a).toMatchObject({
      success: true,
      service: 'Färben',
      duration_minutes: 95,
      processing_minutes: 35,
      price_min_cents: 5900,
      price_max_cents: 8900,
      staff: ['Anna', 'Lena'],
    });
    expect(a.message).toContain('davon 35 Minuten Einwirkzeit. Sie kostet 59 bis 89 Euro.');
    expect(a.message.length).toBeLessThanOrEqual(200);
  });

  it("each salon hears its own prices, never another's", async () => {
    expect(await ask({ service: 'Färben' }, otherLine)).toMatchObject({
      price_min_cents: 123400,
    });
    const mine = await ask({ service: 'Färben' });
    expect(JSON.stringify(mine)).not.toMatch(/1234|Kopie/);
    const nowhere = await ask({ service: 'Färben' }, '+4989000000', 'agent_nobody');
    expect(nowhere.success).toBe(false);
    expect(JSON.stringify(nowhere)).not.toMatch(/Euro|5900|1234/);
  });

  it.each([
    ['10 KB', { service: 'Dauerwelle '.repeat(1000) }],
    ['control characters', { service: 'Dauer\u0000welle\u0007\u001b[31m' }],
    ['HTML', { service: '<img src=x onerror=alert(1)>Dauerwelle' }],
    ['a number', { service: 42 }],
    ['an object', { service: { $ne: null } }],
    ['a list', { service: ['Dauerwelle', 'Färben'] }],
    ['nothing', {}],
  ])('%s: a spoken answer, never a 500', async (_what, args) => {
    const a = await ask(args);
    expect(a.message.length).toBeLessThanOrEqual(200);
    expect(a.code).not.toMatch(/^INTERNAL/);
    expect(a.message).not.toMatch(/<img|\u0000|\u001b/);
  });

  it('is among the tool definitions the agent is given', async () => {
    const res = await request(app.getHttpServer())
      .get('/api/admin/retell/tools?base_url=https://salon.example')
      .set('x-api-key', ADMIN)
      .expect(200);
    const tool = res.body.tools.find((t: { name: string }) => t.name === 'get_service_info');
    expect(tool).toMatchObject({
      type: 'custom',
      url: 'https://salon.example/api/retell/function-call',
      parameters: { required: ['service'] },
    });
  });
});
