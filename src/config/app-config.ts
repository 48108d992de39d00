import { Environment } from './environment';

/** The validated environment as the rest of the service sees it. */
export class AppConfig {
  constructor(readonly env: Environment) {}

  get usesEmbeddedDatabase(): boolean {
    return !this.env.DATABASE_URL;
  }

  get usesRedis(): boolean {
    return Boolean(this.env.REDIS_URL);
  }

  get usesCalcom(): boolean {
    return Boolean(this.env.CALCOM_API_KEY);
  }

  get seedsDemoSalon(): boolean {
    return this.env.SEED_DEMO_SALON ?? this.usesEmbeddedDatabase;
  }
}
