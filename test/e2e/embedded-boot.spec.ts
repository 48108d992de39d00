import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bootstrap, loadConfig } from '../../src/bootstrap';

/** `npm start` without DATABASE_URL or REDIS_URL: embedded Postgres, in-process queue, demo salon. */
describe('embedded default (PGlite, no Redis)', () => {
  let app: INestApplication;
  const dataDir = mkdtempSync(join(tmpdir(), 'salon-embedded-'));

  beforeAll(async () => {
    app = await bootstrap(
      loadConfig({ EMBEDDED_DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '0' }),
    );
    await app.init();
  }, 180_000); // PGlite starts and runs every migration: half a minute on a busy machine

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers liveness and readiness', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200);
    const ready = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body.status).toBe('ok');
    expect(ready.body.details.database.status).toBe('up');
  });

  it('serves Prometheus metrics', async () => {
    const scrape = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(scrape.text).toContain('salon_holds_live 0');
    expect(scrape.text).toContain('salon_sync_queue_depth');
    expect(scrape.text).toContain('# TYPE salon_function_call_duration_seconds histogram');
  });

  it('holds the demo salon', async () => {
    const ds = app.get(DataSource);
    const [{ n: stylists }] = await ds.query(`SELECT count(*)::int AS n FROM staff`);
    const [{ n: composite }] = await ds.query(
      `SELECT count(DISTINCT service_id)::int AS n FROM service_segments WHERE NOT staff_busy`,
    );
    expect(stylists).toBe(3);
    expect(composite).toBeGreaterThanOrEqual(2);
  });

  it('refuses overlapping busy blocks with 23P01 on the embedded engine too', async () => {
    const ds = app.get(DataSource);
    const [{ id: staffId, company_id: companyId }] = await ds.query(
      `SELECT id, company_id FROM staff LIMIT 1`,
    );
    const insert = (from: string, to: string, uid: string) =>
      ds.query(
        `INSERT INTO busy_blocks(company_id, staff_id, kind, during, external_uid)
         VALUES ($1, $2, 'calendar', tstzrange($3, $4, '[)'), $5)`,
        [companyId, staffId, from, to, uid],
      );
    await insert('2030-01-01T09:00:00Z', '2030-01-01T10:00:00Z', 'e2e-a');
    await insert('2030-01-01T10:00:00Z', '2030-01-01T11:00:00Z', 'e2e-b');
    await expect(
      insert('2030-01-01T09:30:00Z', '2030-01-01T10:30:00Z', 'e2e-c'),
    ).rejects.toMatchObject({
      code: '23P01',
    });
  });
});
