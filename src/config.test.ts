import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has defaults for an embedded installation', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'sqlite:./data/caravan.db',
      databaseReplicaUrl: null,
      logLevel: 'info',
      adminToken: null,
      importMaxBytes: 256 * 1024 * 1024,
      signInRateLimit: 10,
      facilityRulesFile: null,
      trustProxy: null,
    });
  });

  it('reads the environment', () => {
    const config = loadConfig({
      PORT: '9000',
      DATABASE_URL: 'postgres://db/caravan',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      port: 9000,
      databaseUrl: 'postgres://db/caravan',
      logLevel: 'warn',
    });
  });

  it('names every wrong value', () => {
    const attempt = () =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT="eighty"/);
    expect(attempt).toThrow(/DATABASE_URL="mysql:\/\/x": must start with sqlite:/);
    expect(attempt).toThrow(/LOG_LEVEL="loud"/);
  });
});
