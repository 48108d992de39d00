import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { loadConfig } from './bootstrap';
import { LogLevelName, RedactingLogger } from './common/redacting.logger';
import { InvalidEnvironment } from './config/environment';

/**
 * `npm run start:worker`: the calendar sync processor and the callers' message mails alone (no
 * HTTP). Any number may run against one Redis; each also relays the outbox, which is safe with
 * SKIP LOCKED, and sweeps lost mail jobs, which the claim before sending makes safe.
 */
async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, SYNC_WORKER_IN_PROCESS: 'true' });
  if (!config.usesRedis) {
    console.error('start:worker needs REDIS_URL; without it the API process runs the sync itself');
    process.exit(1);
  }
  const level = config.env.LOG_LEVEL as LogLevelName;
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: level === 'silent' ? false : new RedactingLogger({ level }),
  });
  app.enableShutdownHooks();
  console.warn('calendar sync worker running');
}

main().catch((error: unknown) => {
  if (error instanceof InvalidEnvironment) console.error(error.message);
  else console.error('worker start failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
