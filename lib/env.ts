// The one place that reads and validates the environment. A bad value stops the start with
// a message that names the variable.
import { z } from 'zod';

const optionalText = z.preprocess((value) => (value === '' ? undefined : value), z.string().optional());
const flag = z.preprocess((value) => (value === '' ? undefined : value), z.enum(['0', '1']).optional());
const port = (fallback: number) =>
  z.preprocess(
    (value) => (value === '' || value === undefined ? fallback : value),
    z.coerce.number().int('must be a whole number').min(1).max(65535),
  );

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  DATA_DIR: z.preprocess((value) => (value === '' ? undefined : value), z.string().default('.data')),
  PORT: port(3000),
  DEMO_IDP_PORT: port(3001),
  DEMO: flag,
  SUPPORT_EMAIL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.email('must be an email address').default('support@sync-admin.test'),
  ),
  LOG_LEVEL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  NEXTAUTH_URL: optionalText.pipe(z.url('must be a URL').optional()),
  NEXTAUTH_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return parsed.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

// Demo mode (demo IdP, demo accounts, demo data) is on by default only on the embedded
// database: a deployment with DATABASE_URL never runs it by accident. DEMO=1/0 overrides.
export function isDemoMode(config: Env = env()): boolean {
  if (config.DEMO !== undefined) return config.DEMO === '1';
  return config.DATABASE_URL === undefined;
}
