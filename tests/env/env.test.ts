import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '@/config/env';

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe('environment', () => {
  it('has defaults for everything: no configuration is needed', () => {
    const config = parseEnv({});
    expect(config).toMatchObject({ PORT: 3000, DEMO_IDP_PORT: 3001, DATA_DIR: '.data', LOG_LEVEL: 'info' });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('treats empty values as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', PORT: '' })).toMatchObject({ DATABASE_URL: undefined, PORT: 3000 });
  });

  it('names each bad variable in its message', () => {
    expect(problemsOf({ PORT: 'eighty' })[0]).toMatch(/^PORT: /);
    expect(problemsOf({ PORT: '70000' })[0]).toMatch(/^PORT: /);
    expect(problemsOf({ DATABASE_URL: 'mysql://x' })[0]).toMatch(/^DATABASE_URL: must be a postgres/);
    expect(problemsOf({ DEMO: 'yes' })[0]).toMatch(/^DEMO: /);
    expect(problemsOf({ SUPPORT_EMAIL: 'nobody' })[0]).toMatch(/^SUPPORT_EMAIL: must be an email/);
    expect(problemsOf({ NEXTAUTH_SECRET: 'short' })[0]).toMatch(/^NEXTAUTH_SECRET: /);
    expect(problemsOf({ PORT: 'x', DEMO: 'y' })).toHaveLength(2);
  });
});
