import { Body, Controller, Get, HttpException, HttpStatus, Module, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { QueryFailedError } from 'typeorm';
import { CodedHttpException } from './coded-http.exception';
import { configureHttpEdge } from './http-edge';
import { TEMPORARY_PROBLEM_MESSAGE } from './http-exception.filter';

@Controller()
class BoomController {
  @Post('api/retell/boom')
  retell(): never {
    throw new Error('db down for +4915112345678');
  }
  @Get('other/boom')
  other(): never {
    throw new TypeError('undefined is not a function');
  }
  @Get('other/teapot')
  teapot(): never {
    throw new HttpException('short and stout', 418);
  }
  @Get('other/bad-gateway')
  badGateway(): never {
    throw new HttpException('upstream', 502);
  }
  @Get('other/not-ready')
  notReady(): never {
    throw new CodedHttpException(HttpStatus.SERVICE_UNAVAILABLE, 'HEALTH.NOT_READY', 'db down', {
      down: ['database'],
    });
  }
  @Post('api/retell/not-ready')
  retellNotReady(): never {
    throw new CodedHttpException(HttpStatus.SERVICE_UNAVAILABLE, 'HEALTH.NOT_READY', 'db down');
  }
  @Post('api/retell/function-call')
  functionCallWithoutDatabase(): never {
    throw new QueryFailedError('SELECT 1', [], new Error('Query read timeout'));
  }
  @Post('api/retell/webhook')
  webhookWithoutDatabase(): never {
    throw new Error('timeout exceeded when trying to connect');
  }
  @Get('other/without-database')
  otherWithoutDatabase(): never {
    throw new Error('Connection terminated due to connection timeout');
  }
  @Post('other/echo')
  echo(@Body() body: unknown): unknown {
    return body;
  }
}

@Module({ controllers: [BoomController] })
class BoomModule {}

describe('HttpExceptionFilter and the HTTP edge', () => {
  let server: ReturnType<Awaited<ReturnType<typeof build>>['getHttpServer']>;
  let close: () => Promise<void>;

  async function build() {
    const ref = await Test.createTestingModule({ imports: [BoomModule] }).compile();
    const app = ref.createNestApplication({ rawBody: true, logger: false });
    configureHttpEdge(app);
    await app.init();
    return app;
  }

  beforeAll(async () => {
    const app = await build();
    server = app.getHttpServer();
    close = () => app.close();
  });
  afterAll(() => close());

  it('an unexpected error on a Retell route is a 200 the agent can speak', async () => {
    const res = await request(server).post('/api/retell/boom').send({});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: false,
      code: 'INTERNAL.TEMPORARY',
      message: TEMPORARY_PROBLEM_MESSAGE,
    });
  });

  it('elsewhere it is a 500 without details', async () => {
    const res = await request(server).get('/other/boom');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ code: 'INTERNAL', message: 'Internal error.' });
  });

  it('HttpExceptions keep their status with a code; 5xx ones are not passed on', async () => {
    const teapot = await request(server).get('/other/teapot');
    expect(teapot.status).toBe(418);
    expect(teapot.body).toEqual({ code: 'REQUEST.INVALID', message: 'short and stout' });
    expect((await request(server).get('/other/bad-gateway')).status).toBe(500);
  });

  it('a 5xx that carries its own code is a decided answer, passed on with its body', async () => {
    const res = await request(server).get('/other/not-ready');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ code: 'HEALTH.NOT_READY', message: 'db down', down: ['database'] });
  });

  it('on a Retell route even a decided 5xx is a 200 the agent can speak', async () => {
    const res = await request(server).post('/api/retell/not-ready').send({});
    expect(res.status).toBe(200);
    expect(res.body.code).toBe('INTERNAL.TEMPORARY');
  });

  it('a database that does not answer: words for the agent, a 503 for everyone else', async () => {
    const spoken = await request(server).post('/api/retell/function-call').send({});
    expect(spoken.status).toBe(200);
    expect(spoken.body).toMatchObject({ success: false, code: 'SERVICE.TEMPORARILY_UNAVAILABLE' });
    const webhook = await request(server).post('/api/retell/webhook').send({});
    expect(webhook.status).toBe(503);
    expect(webhook.body.code).toBe('DATABASE.UNAVAILABLE');
    const other = await request(server).get('/other/without-database');
    expect(other.status).toBe(503);
    expect(other.body.code).toBe('DATABASE.UNAVAILABLE');
  });

  it('unknown routes: 404 NOT_FOUND', async () => {
    const res = await request(server).get('/nowhere');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('other routes keep the application-wide JSON parser (with its own limits)', async () => {
    const res = await request(server)
      .post('/other/echo')
      .send({ a: 1, big: 'x'.repeat(80_000) });
    expect(res.status).toBe(201);
    expect(res.body.a).toBe(1);
  });

  it('malformed JSON elsewhere is a 400 with a code too', async () => {
    const res = await request(server)
      .post('/other/echo')
      .set('content-type', 'application/json')
      .send('{"a": ');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('REQUEST.INVALID');
  });
});
