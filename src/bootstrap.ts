import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { setupOpenApi } from './adapters/inbound/admin/admin-openapi';
import { mountQueueDashboard } from './adapters/inbound/admin/queue-dashboard';
import { AppModule } from './app.module';
import type { DestinationStream } from 'pino';
import { configureHttpEdge } from './common/http-edge';
import { requestContextMiddleware } from './common/request-context';
import { applySecurityHeaders } from './common/security-headers';
import { LogLevelName, RedactingLogger } from './common/redacting.logger';
import { AppConfig } from './config/app-config';
import { Environment, validateEnvironment } from './config/environment';

export function loadConfig(raw: Record<string, unknown> = process.env): AppConfig {
  return new AppConfig(validateEnvironment(raw));
}

/** Builds the application with its pipes and hooks; main.ts and the end-to-end tests share it. */
export async function bootstrap(
  config: AppConfig,
  options: { logDestination?: DestinationStream } = {},
): Promise<INestApplication> {
  const logger = appLogger(config.env, options.logDestination);
  const app = await NestFactory.create(AppModule.forRoot(config), {
    rawBody: true, // signature checks need the exact bytes received
    bufferLogs: false,
    abortOnError: false, // a failed start rejects; main.ts decides to exit
    logger,
  });
  app.getHttpAdapter().getInstance().set('trust proxy', trustProxy(config.env.TRUST_PROXY));
  applySecurityHeaders(app); // before every route, the queue dashboard's too
  if (logger) app.use(requestContextMiddleware((line) => logger.request(line)));
  configureHttpEdge(app); // validation pipe, error filter, Retell body limits
  setupOpenApi(app);
  mountQueueDashboard(app); // bull-board at /admin/queues when the sync runs on BullMQ
  app.enableShutdownHooks();
  return app;
}

/**
 * Express's "trust proxy" from TRUST_PROXY. "true" (believe any X-Forwarded-For) is not
 * offered: every client could then choose its own address and escape its limits.
 */
export function trustProxy(value: string): boolean | number | string[] {
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((part) => part.trim());
}

/** JSON lines with names, numbers, e-mails and secrets redacted; nothing when silent. */
function appLogger(env: Environment, destination?: DestinationStream): RedactingLogger | false {
  if (env.LOG_LEVEL === 'silent') return false;
  return new RedactingLogger({ level: env.LOG_LEVEL as LogLevelName, destination });
}
