import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { Environment, validateEnvironment } from './config/environment';

export function loadConfig(raw: Record<string, unknown> = process.env): AppConfig {
  return new AppConfig(validateEnvironment(raw));
}

/** Builds the application with its pipes and hooks; main.ts and the end-to-end tests share it. */
export async function bootstrap(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(config), {
    rawBody: true, // signature checks need the exact bytes received
    bufferLogs: false,
    abortOnError: false, // a failed start rejects; main.ts decides to exit
    logger: loggerLevels(config.env),
  });
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, transform: true, forbidUnknownValues: true }),
  );
  app.enableShutdownHooks();
  return app;
}

function loggerLevels(env: Environment) {
  if (env.LOG_LEVEL === 'silent') return false as const;
  if (env.LOG_LEVEL === 'debug' || env.LOG_LEVEL === 'trace')
    return ['error', 'warn', 'log', 'debug', 'verbose'] as (
      'error' | 'warn' | 'log' | 'debug' | 'verbose'
    )[];
  if (env.LOG_LEVEL === 'error' || env.LOG_LEVEL === 'fatal') return ['error'] as 'error'[];
  return ['error', 'warn', 'log'] as ('error' | 'warn' | 'log')[];
}
