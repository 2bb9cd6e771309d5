import { ConfigError, validateEnv } from './app-config';

describe('validateEnv', () => {
  it('applies the documented defaults', () => {
    const config = validateEnv({});
    expect(config).toMatchObject({
      port: 8000,
      databaseUrl: undefined,
      signatureMaxSkewSeconds: 300,
      businessTimezone: 'Asia/Shanghai',
      logLevel: 'info',
      migrateOnStart: true,
      radarDedupeSeconds: 10,
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['SIGNATURE_MAX_SKEW_SECONDS', '-1'],
    ['BUSINESS_TIMEZONE', 'Mars/Olympus'],
    ['LOG_LEVEL', 'loud'],
    ['DB_MIGRATE_ON_START', 'maybe'],
    ['DATABASE_URL', 'mysql://x'],
  ])('rejects %s=%s with a message naming the variable', (name, value) => {
    expect(() => validateEnv({ [name]: value })).toThrow(ConfigError);
    expect(() => validateEnv({ [name]: value })).toThrow(name);
  });

  it('accepts 0 to turn the signature window off', () => {
    expect(validateEnv({ SIGNATURE_MAX_SKEW_SECONDS: '0' }).signatureMaxSkewSeconds).toBe(0);
  });
});
