import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { AdminTestApp, BOOTSTRAP_KEY, startAdminApp } from './admin/admin-app';
import { asBootstrap } from './admin/admin-world';
import { signedPost } from '../support/booted-service';
import { startRedisServer, type RedisServer } from '../support/redis-server';

const RETELL_KEY = 'key_security_headers_0123456789';
const basic = (key: string) => `Basic ${Buffer.from(`admin:${key}`).toString('base64')}`;

/**
 * The booted service's answers on every kind of route carry the protective headers: nothing
 * says it runs on Express, nothing is sniffed, nothing is framed, and private answers (admin,
 * Retell, queue dashboard) are never stored. /docs still loads all its files under the CSP.
 */
describe('security headers', () => {
  let redis: RedisServer;
  let t: AdminTestApp;

  beforeAll(async () => {
    redis = await startRedisServer();
    t = await startAdminApp({ REDIS_URL: redis.url, RETELL_API_KEY: RETELL_KEY });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await redis?.stop();
  });

  const protectedAnswer = (res: Response) => {
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  };
  const privateAnswer = (res: Response) => {
    protectedAnswer(res);
    expect(res.headers['cache-control']).toBe('no-store');
  };

  it('admin answers, successful and refused', async () => {
    privateAnswer(await t.http.get('/api/admin/companies').set(asBootstrap).expect(200));
    privateAnswer(await t.http.get('/api/admin/companies').expect(401));
    privateAnswer(await t.http.get('/api/admin/companies/not-an-id').set(asBootstrap).expect(400));
    privateAnswer(await t.http.get('/api/admin/retell/tools').set(asBootstrap));
  });

  it('Retell answers, signed and unsigned', async () => {
    const call = {
      call_id: `call_${randomBytes(16).toString('hex')}`,
      from_number: '+4915112345678',
      to_number: '+4930000000',
    };
    const signed = await signedPost(
      t.app,
      '/api/retell/function-call',
      { name: 'check_customer', args: {}, call },
      RETELL_KEY,
    );
    expect(signed.status).toBe(200);
    privateAnswer(signed);
    privateAnswer(await t.http.post('/api/retell/function-call').send({ name: 'x' }).expect(401));
  });

  it('health probes', async () => {
    protectedAnswer(await t.http.get('/health/live').expect(200));
    protectedAnswer(await t.http.get('/health/ready').expect(200));
  });

  it('the queue dashboard cannot be framed and is not stored', async () => {
    const page = await t.http.get('/admin/queues').set('authorization', basic(BOOTSTRAP_KEY));
    expect(page.status).toBe(200);
    privateAnswer(page);
    privateAnswer(await t.http.get('/admin/queues').expect(401));

    // Under the CSP: scripts come from the dashboard's own files (the JSON config is no script).
    const scripts = [...page.text.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    for (const attributes of scripts) expect(attributes).toMatch(/src=|type="application\/json"/);
    const base = /<base href="([^"]+)"/.exec(page.text)?.[1] ?? '/admin/queues/';
    const files = [
      ...[...page.text.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]),
      ...[...page.text.matchAll(/<link href="(static\/[^"]+\.css)"/g)].map((m) => m[1]),
    ];
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const asset = await t.http
        .get(new URL(file, `http://service${base}`).pathname)
        .set('authorization', basic(BOOTSTRAP_KEY));
      expect([file, asset.status]).toEqual([file, 200]);
      expect(asset.headers['content-type']).toMatch(
        file.endsWith('.css') ? /text\/css/ : /javascript/,
      );
    }
  });

  it('/docs loads its HTML, scripts and styles under the CSP', async () => {
    const page = await t.http.get('/docs').redirects(1);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    protectedAnswer(page);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toContain('upgrade-insecure-requests');

    // Inline scripts would be blocked by script-src 'self': every script has a source.
    const scripts = [...page.text.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toMatch(/src=/);

    const base = new URL(page.request.url);
    const sources = [
      ...[...page.text.matchAll(/<script[^>]*src=["']([^"']+)["']/g)].map((m) => m[1]),
      ...[...page.text.matchAll(/<link[^>]*href=["']([^"']+\.css)["']/g)].map((m) => m[1]),
    ];
    expect(sources.filter((s) => s.endsWith('.js')).length).toBeGreaterThanOrEqual(3);
    expect(sources.filter((s) => s.endsWith('.css')).length).toBeGreaterThanOrEqual(1);
    for (const source of sources) {
      const url = new URL(source, base);
      expect(url.origin).toBe(base.origin);
      const asset = await t.http.get(url.pathname);
      expect([source, asset.status]).toEqual([source, 200]);
      expect(asset.headers['content-type']).toMatch(
        source.endsWith('.css') ? /^text\/css/ : /javascript/,
      );
    }
  });
});
