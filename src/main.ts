import 'reflect-metadata';
import { bootstrap, loadConfig } from './bootstrap';
import { InvalidEnvironment } from './config/environment';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await bootstrap(config);
  await app.listen(config.env.PORT);
  console.warn(`salon receptionist listening on http://localhost:${config.env.PORT}`);
}

main().catch((error: unknown) => {
  if (error instanceof InvalidEnvironment) {
    console.error(error.message);
  } else {
    console.error('start failed:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
