import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const databaseUrl = z.string().refine((url) => /^(sqlite:|postgres(ql)?:\/\/)/.test(url), {
  message: 'must start with sqlite: (e.g. sqlite:./data/caravan.db) or postgres://',
});

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: databaseUrl.default('sqlite:./data/caravan.db'),
  DATABASE_REPLICA_URL: z
    .string()
    .refine((url) => /^postgres(ql)?:\/\//.test(url), { message: 'must be a postgres:// URL' })
    .optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  ADMIN_TOKEN: z.string().min(24, { message: 'must be at least 24 characters' }).optional(),
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(256 * 1024 * 1024),
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  FACILITY_RULES: z.string().min(1).optional(),
  TRUST_PROXY: z
    .string()
    .regex(/^[0-9A-Fa-f.:/]+(,[0-9A-Fa-f.:/]+)*$/, {
      message: 'addresses or CIDR ranges of the reverse proxies, comma-separated',
    })
    .optional(),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** A PostgreSQL streaming replica for anonymous reads; null reads everything from the primary. */
  databaseReplicaUrl: string | null;
  logLevel: (typeof LOG_LEVELS)[number];
  /** A bearer secret that acts as an administrator without an account (bootstrap, scripts). */
  adminToken: string | null;
  importMaxBytes: number;
  /** Sign-in attempts allowed per client address and minute. */
  signInRateLimit: number;
  /** A facility rules document (JSON) replacing Caravan's default eligibility and scoring rules. */
  facilityRulesFile: string | null;
  /**
   * The reverse proxies whose X-Forwarded-For and -Proto are believed (addresses or CIDR ranges,
   * comma-separated): behind TLS at the proxy, the session cookie is Secure and HSTS is sent,
   * and rate limits and the audit trail see the client's address.
   */
  trustProxy: string | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the configuration from environment variables; a wrong value is a clear ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in ConfigSchema.shape && value !== ''),
  );
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) =>
        `${issue.path.join('.')}=${JSON.stringify(env[String(issue.path[0])])}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const {
    PORT,
    HOST,
    DATABASE_URL,
    DATABASE_REPLICA_URL,
    LOG_LEVEL,
    ADMIN_TOKEN,
    IMPORT_MAX_BYTES,
    SIGN_IN_RATE_LIMIT,
    FACILITY_RULES,
    TRUST_PROXY,
  } = parsed.data;
  return {
    port: PORT,
    host: HOST,
    databaseUrl: DATABASE_URL,
    databaseReplicaUrl: DATABASE_REPLICA_URL ?? null,
    logLevel: LOG_LEVEL,
    adminToken: ADMIN_TOKEN ?? null,
    importMaxBytes: IMPORT_MAX_BYTES,
    signInRateLimit: SIGN_IN_RATE_LIMIT,
    facilityRulesFile: FACILITY_RULES ?? null,
    trustProxy: TRUST_PROXY ?? null,
  };
}
