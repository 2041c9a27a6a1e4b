// The one place that reads and validates the environment. A bad value stops the start with
// a message that names the variable.
import { z } from 'zod';

// An empty variable counts as unset (`FOO= npm start`), so its default applies.
const unsetIfEmpty = <Schema extends z.ZodType>(schema: Schema) => z.preprocess((value) => (value === '' ? undefined : value), schema);
const optionalText = unsetIfEmpty(z.string().optional());
const flag = unsetIfEmpty(z.enum(['0', '1']).optional());
const urlOr = (fallback: string) => unsetIfEmpty(z.url('must be a URL').default(fallback));
const port = (fallback: number) =>
  z.preprocess(
    (value) => (value === '' || value === undefined ? fallback : value),
    z.coerce.number().int('must be a whole number').min(1).max(65535),
  );

// The overview's longest period is 90 days: with 91 kept, its figures count rows still there in
// any time zone. Every day is a partition of its own, and a lookup that cannot choose by day (a
// session by its id) asks each of them: a year and a month at most.
export const MIN_RETENTION_DAYS = 91;
export const MAX_RETENTION_DAYS = 400;

const limit = (fallback: number, min = 1) =>
  z.preprocess(
    (value) => (value === '' || value === undefined ? fallback : value),
    z.coerce.number().int('must be a whole number').min(min),
  );

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: unsetIfEmpty(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  DATA_DIR: unsetIfEmpty(z.string().default('.data')),
  // A streaming replica of DATABASE_URL for lists, statistics and exports (docs/instances.md);
  // reads fall back to the primary while it lags more than REPLICA_MAX_LAG_SECONDS or is away.
  DATABASE_READ_URL: optionalText.pipe(z.url('must be a URL').optional()),
  REPLICA_MAX_LAG_SECONDS: unsetIfEmpty(z.coerce.number().int().min(1).max(3_600).default(10)),
  PORT: port(3000),
  DEMO_IDP_PORT: port(3001),
  // `1`: the demo identity provider on DEMO_IDP_PORT is another process's (`npm run cluster` runs
  // one for all its instances); this start does not run its own.
  DEMO_IDP_SHARED: flag,
  DEMO: flag,
  SUPPORT_EMAIL: unsetIfEmpty(
    z.email('must be an email address').default('support@sync-admin.test'),
  ),
  LOG_LEVEL: unsetIfEmpty(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  // Limits and timeouts (docs/operations.md). Per instance: each app process has its own.
  DB_POOL_SIZE: limit(10),
  DB_INGEST_POOL_SIZE: limit(4),
  DB_DOWNLOAD_POOL_SIZE: limit(4),
  DB_ACQUIRE_TIMEOUT_MS: limit(5_000, 100),
  DB_STATEMENT_TIMEOUT_MS: limit(5_000, 100),
  DB_LOCK_TIMEOUT_MS: limit(5_000, 100),
  INGEST_STATEMENT_TIMEOUT_MS: limit(30_000, 100),
  INGEST_LOCK_TIMEOUT_MS: limit(20_000, 100),
  INGEST_MAX_PER_TENANT: limit(2),
  DOWNLOADS_PER_ADMIN: limit(2),
  DOWNLOAD_IDLE_TIMEOUT_MS: limit(30_000, 100),
  DOWNLOAD_STALL_TIMEOUT_MS: limit(120_000, 100),
  INGEST_BODY_TIMEOUT_MS: limit(60_000, 100),
  // Stopping (SIGTERM): the instance reports not ready at once, keeps accepting requests for
  // SHUTDOWN_NOT_READY_MS (so a load balancer's health check sees it leave first), then stops
  // accepting and lets the requests and downloads in flight finish for up to SHUTDOWN_GRACE_MS.
  SHUTDOWN_NOT_READY_MS: limit(0, 0),
  SHUTDOWN_GRACE_MS: limit(25_000, 0),
  // Streamed log uploads (lib/logs/log-uploads.ts): the largest log, uploads of one tenant and
  // in all at once, the longest an upload may take, and the longest it may send nothing.
  LOG_MAX_BYTES: limit(2 * 1024 ** 3, 1),
  LOG_UPLOADS_PER_TENANT: limit(2),
  LOG_UPLOADS_TOTAL: limit(4),
  LOG_UPLOAD_TIMEOUT_MS: limit(30 * 60_000, 100),
  LOG_UPLOAD_IDLE_TIMEOUT_MS: limit(30_000, 100),
  // How many days sessions, their logs and sync issues are kept (lib/partitions/retention-window.ts).
  DATA_RETENTION_DAYS: limit(MIN_RETENTION_DAYS, MIN_RETENTION_DAYS).pipe(z.number().max(MAX_RETENTION_DAYS)),
  // Pages inline every component style, also those of app/component-styles.css: set by
  // `npm run styles:catalogue`, which collects them from the pages.
  STYLES_INLINE_ALL: flag,
  // Alert webhooks may target http:// and private, loopback or link-local addresses: for tests
  // and local receivers only (demo mode allows them too). Off in production: no server-side
  // request forgery through a webhook's URL.
  ALERTS_ALLOW_PRIVATE_TARGETS: flag,
  // Alert email: the SMTP server (smtp://user:password@host:587, or smtps:// for TLS from the
  // first byte) and the sender. Without SMTP_URL, email channels cannot be added.
  SMTP_URL: optionalText.pipe(z.url('must be a URL such as smtp://user:password@mail.example.com:587').optional()),
  ALERTS_MAIL_FROM: optionalText.pipe(z.string().max(200).optional()),
  // Set by `npm start` in demo mode (without SMTP_URL): the port of the demo's SMTP sink.
  DEMO_SMTP_PORT: unsetIfEmpty(z.coerce.number().int().min(1).max(65_535).optional()),
  // Set by `npm start` for the server it spawns: the process that hands the embedded database over.
  DATA_DIR_LOCK_HOLDER: unsetIfEmpty(z.coerce.number().int().positive().optional()),
  NEXTAUTH_URL: optionalText.pipe(z.url('must be a URL').optional()),
  NEXTAUTH_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  // The bearer token Prometheus sends to /api/metrics; unset, the endpoint answers 404.
  METRICS_TOKEN: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  // Identity providers: each is on when its client id is set.
  OIDC_ISSUER: optionalText.pipe(z.url('must be a URL').optional()),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  OIDC_NAME: optionalText,
  SALESFORCE_CLIENT_ID: optionalText,
  SALESFORCE_CLIENT_SECRET: optionalText,
  // https://login.salesforce.com (production) or https://test.salesforce.com (sandbox).
  SALESFORCE_LOGIN_URL: urlOr('https://login.salesforce.com'),
  ENTRA_CLIENT_ID: optionalText,
  ENTRA_CLIENT_SECRET: optionalText,
  ENTRA_TENANT_ID: optionalText,
  // The Entra authority; overridable for tests against a local identity provider.
  ENTRA_AUTHORITY: urlOr('https://login.microsoftonline.com'),
  GOOGLE_CLIENT_ID: optionalText,
  GOOGLE_CLIENT_SECRET: optionalText,
  GOOGLE_ISSUER: urlOr('https://accounts.google.com'),
}).superRefine((config, context) => {
  const pairs = [
    ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'],
    ['SALESFORCE_CLIENT_ID', 'SALESFORCE_CLIENT_SECRET'],
    ['ENTRA_CLIENT_ID', 'ENTRA_CLIENT_SECRET'],
    ['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET'],
  ] as const;
  for (const [id, secret] of pairs) {
    if (config[id] && !config[secret]) context.addIssue({ code: 'custom', path: [secret], message: `is required with ${id}` });
  }
  if (config.OIDC_CLIENT_ID && !config.OIDC_ISSUER) context.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'is required with OIDC_CLIENT_ID' });
  if (config.ENTRA_CLIENT_ID && !config.ENTRA_TENANT_ID) context.addIssue({ code: 'custom', path: ['ENTRA_TENANT_ID'], message: 'is required with ENTRA_CLIENT_ID' });
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

export function hasConfiguredIdentityProvider(config: Env): boolean {
  return Boolean(config.OIDC_CLIENT_ID || config.SALESFORCE_CLIENT_ID || config.ENTRA_CLIENT_ID || config.GOOGLE_CLIENT_ID);
}

// Demo mode (demo IdP, demo accounts, demo data) is on by default only on the embedded
// database with no identity provider configured: a deployment with DATABASE_URL never runs it
// by accident. DEMO=1/0 overrides.
export function isDemoMode(config: Env = env()): boolean {
  if (config.DEMO !== undefined) return config.DEMO === '1';
  return config.DATABASE_URL === undefined && !hasConfiguredIdentityProvider(config);
}
