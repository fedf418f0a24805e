import path from 'node:path';
import { validate as isValidCron } from 'node-cron';
import { ConfigError } from '../core/errors.ts';

/** Where Elasticsearch is: the embedded local node, or an external cluster. */
export type ElasticsearchSettings =
  | {
      readonly kind: 'embedded';
      readonly url: string;
      readonly port: number;
      /** Java heap, e.g. `1g`; Elasticsearch gets the same -Xms and -Xmx. */
      readonly heap: string;
    }
  | {
      readonly kind: 'external';
      readonly url: string;
      readonly auth:
        | { readonly kind: 'none' }
        | { readonly kind: 'api-key'; readonly apiKey: string }
        | { readonly kind: 'basic'; readonly username: string; readonly password: string };
      readonly caFile: string | null;
    };

export interface Settings {
  readonly elasticsearch: ElasticsearchSettings;
  /** Prefix of every index and alias name (`pressmon` → `pressmon-articles`). Tests use their own. */
  readonly indexPrefix: string;
  /** Folder of the YAML configuration (sources, topics, organisations, members). */
  readonly configDir: string;
  /** Folder of the source files (`<country>/<id>.yaml`); default `<configDir>/sources`. */
  readonly sourcesDir: string;
  /** Folder for run state: raw archive, spool, crawl queues, the embedded node's data. */
  readonly dataDir: string;
  /** Folder for downloads that can be fetched again (the Elasticsearch zip). */
  readonly cacheDir: string;
  readonly userAgent: string;
  /** Hosts that may resolve to loopback or private addresses (the fixture site in tests). */
  readonly allowPrivateHosts: readonly string[];
  readonly logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  /** Default time zone for schedules and for dates printed without one. */
  readonly timeZone: string;
  readonly dashboardPort: number;
  /** The SMTP server digests go through; null until PRESSMON_SMTP_URL or PRESSMON_SMTP_HOST is set. */
  readonly smtp: SmtpSettings | null;
  readonly digest: DigestSettings;
  /** Chromium for sources marked `browser: true` (Debian's package; playwright's own download is not used). */
  readonly chromiumPath: string;
  readonly schedule: ScheduleSettings;
  /** Address the dashboards listen on; default 127.0.0.1 (put a TLS proxy in front to expose them). */
  readonly dashboardHost: string;
  /** Who may log in to the dashboards (PRESSMON_DASHBOARD_USERS). */
  readonly dashboardUsers: readonly DashboardUser[];
  /** Bearer token for scripts calling the API (PRESSMON_DASHBOARD_API_TOKEN); null = no token access. */
  readonly dashboardApiToken: string | null;
  /** Key that signs session cookies (PRESSMON_DASHBOARD_SESSION_SECRET); null = a random key per start. */
  readonly dashboardSessionSecret: string | null;
}

/** An SMTP server (secrets: never print `password`; see describeSmtp). */
export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  readonly secure: boolean;
  readonly auth: { readonly user: string; readonly password: string } | null;
}

/** Settings of the weekly digest. */
export interface DigestSettings {
  /** Sender, e.g. `pressmon <digest@coalition.example.org>`. */
  readonly from: string;
  /** Base URL of the dashboards, without a trailing slash; article view links are `<publicUrl>/articles/<id>`. */
  readonly publicUrl: string;
  /** Key for the HMAC of one-click unsubscribe links (RFC 8058); null: only a mailto unsubscribe. */
  readonly unsubscribeSecret: string | null;
  /** Address that receives `unsubscribe` mails; default the sender's address. */
  readonly unsubscribeMailto: string;
  /** Least article relevance for a digest; default 2, the pipeline's "migration-related" floor. */
  readonly minRelevance: number;
}

/** What `pressmon schedule` runs when, unless a source file says otherwise. */
export interface ScheduleSettings {
  /** Hour (0-23, in each source's time zone) of the daily crawl of sources without a `schedule`. Default 6. */
  readonly crawlHour: number;
  /** Cron expression of the weekly digest, read in each member's time zone. Default `0 7 * * 1` (Monday 07:00). */
  readonly digestSchedule: string;
  /** Time to live of a job's lock in Elasticsearch, ms; renewed while the job runs. Default 10 minutes. */
  readonly lockTtlMs: number;
  /** Jobs one scheduler process runs at the same time. Default 1. */
  readonly maxConcurrentJobs: number;
  /** Consecutive failing or silent runs after which `pressmon status` flags a source. Default 3. */
  readonly alertAfterRuns: number;
}

/** A dashboard login. */
export interface DashboardUser {
  readonly name: string;
  /** Where the user's weekly digest goes (saved searches); null when not given. */
  readonly email: string | null;
  /** `scrypt.<N>.<r>.<p>.<salt>.<key>` (base64url salt and key): `pressmon serve --hash-password` writes it. */
  readonly passwordHash: string;
}

type Env = Readonly<Record<string, string | undefined>>;

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Reads settings from environment variables, with defaults. Precedence is
 * argument > env > default; command-line options are applied by the caller.
 */
export function loadSettings(env: Env = process.env): Settings {
  const dataDir = path.resolve(env.PRESSMON_DATA_DIR ?? path.join(PROJECT_ROOT, '.data'));
  const configDir = path.resolve(env.PRESSMON_CONFIG_DIR ?? path.join(PROJECT_ROOT, 'config'));
  const dashboardPort = readPort('PRESSMON_DASHBOARD_PORT', env.PRESSMON_DASHBOARD_PORT ?? '8080');
  return {
    elasticsearch: readElasticsearch(env),
    indexPrefix: readIndexPrefix(env.PRESSMON_INDEX_PREFIX ?? 'pressmon'),
    configDir,
    sourcesDir: path.resolve(env.PRESSMON_SOURCES_DIR ?? path.join(configDir, 'sources')),
    dataDir,
    cacheDir: path.resolve(env.PRESSMON_CACHE_DIR ?? path.join(PROJECT_ROOT, '.cache')),
    userAgent:
      env.PRESSMON_USER_AGENT ??
      'pressmon/0.1 (press monitoring for migrant-rights NGOs; +https://github.com/pressmon/pressmon)',
    allowPrivateHosts: splitList(env.PRESSMON_ALLOW_PRIVATE_HOSTS),
    logLevel: readLogLevel(env.PRESSMON_LOG_LEVEL ?? 'info'),
    timeZone: env.PRESSMON_TIME_ZONE ?? 'Europe/Bucharest',
    dashboardPort,
    smtp: readSmtp(env),
    digest: readDigest(env, dashboardPort),
    chromiumPath: env.PRESSMON_CHROMIUM_PATH ?? '/usr/bin/chromium',
    schedule: readSchedule(env),
    dashboardHost: env.PRESSMON_DASHBOARD_HOST ?? '127.0.0.1',
    dashboardUsers: readDashboardUsers(env.PRESSMON_DASHBOARD_USERS ?? ''),
    dashboardApiToken: readSecret('PRESSMON_DASHBOARD_API_TOKEN', env.PRESSMON_DASHBOARD_API_TOKEN),
    dashboardSessionSecret: readSecret(
      'PRESSMON_DASHBOARD_SESSION_SECRET',
      env.PRESSMON_DASHBOARD_SESSION_SECRET,
    ),
  };
}

function readSmtp(env: Env): SmtpSettings | null {
  const url = env.PRESSMON_SMTP_URL;
  if (url !== undefined && url !== '') {
    if (env.PRESSMON_SMTP_HOST)
      throw new ConfigError('set either PRESSMON_SMTP_URL or PRESSMON_SMTP_HOST, not both');
    return parseSmtpUrl(url);
  }
  const host = env.PRESSMON_SMTP_HOST;
  if (host === undefined || host === '') return null;
  const secure = readBoolean('PRESSMON_SMTP_SECURE', env.PRESSMON_SMTP_SECURE ?? 'false');
  const port = readPort('PRESSMON_SMTP_PORT', env.PRESSMON_SMTP_PORT ?? (secure ? '465' : '587'));
  const user = env.PRESSMON_SMTP_USER;
  const password = env.PRESSMON_SMTP_PASSWORD;
  if ((user === undefined) !== (password === undefined)) {
    throw new ConfigError('set both PRESSMON_SMTP_USER and PRESSMON_SMTP_PASSWORD, or neither');
  }
  return {
    host,
    port,
    secure,
    auth: user !== undefined && password !== undefined ? { user, password } : null,
  };
}

/** `smtp://user:password@host:587` or `smtps://…:465`; user and password percent-encoded. */
function parseSmtpUrl(value: string): SmtpSettings {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('PRESSMON_SMTP_URL must look like smtp://user:password@host:587 (or smtps://)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new ConfigError(`PRESSMON_SMTP_URL must start with smtp:// or smtps://, got "${url.protocol}//"`);
  }
  const secure = url.protocol === 'smtps:';
  const port = readPort('PRESSMON_SMTP_URL port', url.port === '' ? (secure ? '465' : '587') : url.port);
  const user = decodeURIComponent(url.username);
  return {
    host: url.hostname,
    port,
    secure,
    auth: user === '' ? null : { user, password: decodeURIComponent(url.password) },
  };
}

/** The SMTP server for messages and logs, without the password. */
export function describeSmtp(smtp: SmtpSettings | null): string {
  if (smtp === null) return 'not configured (set PRESSMON_SMTP_URL or PRESSMON_SMTP_HOST)';
  const user = smtp.auth === null ? '' : `${smtp.auth.user}:***@`;
  return `${smtp.secure ? 'smtps' : 'smtp'}://${user}${smtp.host}:${smtp.port}`;
}

function readDigest(env: Env, dashboardPort: number): DigestSettings {
  const from = env.PRESSMON_DIGEST_FROM ?? 'pressmon <digest@localhost>';
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const publicUrl = (env.PRESSMON_PUBLIC_URL ?? `http://localhost:${dashboardPort}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(publicUrl)) {
    throw new ConfigError(`PRESSMON_PUBLIC_URL must start with http:// or https://, got "${publicUrl}"`);
  }
  const minRelevance = Number(env.PRESSMON_DIGEST_MIN_RELEVANCE ?? '2');
  if (!Number.isFinite(minRelevance) || minRelevance < 0) {
    throw new ConfigError(
      `PRESSMON_DIGEST_MIN_RELEVANCE must be a number >= 0, got "${env.PRESSMON_DIGEST_MIN_RELEVANCE}"`,
    );
  }
  const secret = env.PRESSMON_DIGEST_SECRET;
  return {
    from,
    publicUrl,
    unsubscribeSecret: secret === undefined || secret === '' ? null : secret,
    unsubscribeMailto: env.PRESSMON_DIGEST_UNSUBSCRIBE_MAILTO ?? address,
    minRelevance,
  };
}

function readBoolean(name: string, value: string): boolean {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

function readSchedule(env: Env): ScheduleSettings {
  const digestSchedule = env.PRESSMON_DIGEST_SCHEDULE ?? '0 7 * * 1';
  if (!isValidCron(digestSchedule)) {
    throw new ConfigError(
      `PRESSMON_DIGEST_SCHEDULE must be a cron expression like "0 7 * * 1", got "${digestSchedule}"`,
    );
  }
  return {
    crawlHour: readInt('PRESSMON_CRAWL_HOUR', env.PRESSMON_CRAWL_HOUR ?? '6', 0, 23),
    digestSchedule,
    lockTtlMs: readInt('PRESSMON_JOB_LOCK_TTL_S', env.PRESSMON_JOB_LOCK_TTL_S ?? '600', 10, 86_400) * 1000,
    maxConcurrentJobs: readInt(
      'PRESSMON_MAX_CONCURRENT_JOBS',
      env.PRESSMON_MAX_CONCURRENT_JOBS ?? '1',
      1,
      16,
    ),
    alertAfterRuns: readInt('PRESSMON_ALERT_AFTER_RUNS', env.PRESSMON_ALERT_AFTER_RUNS ?? '3', 1, 100),
  };
}

function readInt(name: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return number;
}

/** The password hash format the dashboards verify (dashboards/auth/password-hash.ts writes it). */
export const PASSWORD_HASH_PATTERN = /^scrypt\.\d+\.\d+\.\d+\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{32,}$/;
const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const EMAIL = /^[^\s@:,]+@[^\s@:,]+\.[^\s@:,]+$/;
/** Shortest API token or session secret accepted, in characters. */
export const MIN_SECRET_LENGTH = 32;

/**
 * PRESSMON_DASHBOARD_USERS: entries separated by commas or white space, each
 * `name:email:hash` (email may be empty: `ana::scrypt.…`).
 */
function readDashboardUsers(value: string): DashboardUser[] {
  const users: DashboardUser[] = [];
  for (const entry of value.split(/[\s,]+/).filter((item) => item !== '')) {
    const [name = '', email = '', hash = '', ...rest] = entry.split(':');
    const where = `PRESSMON_DASHBOARD_USERS entry "${name || entry.slice(0, 20)}"`;
    if (rest.length > 0 || !USER_NAME.test(name)) {
      throw new ConfigError(`${where}: write each user as name:email:hash (name: letters, digits, . _ -)`);
    }
    if (email !== '' && !EMAIL.test(email))
      throw new ConfigError(`${where}: "${email}" is not an e-mail address`);
    if (!PASSWORD_HASH_PATTERN.test(hash)) {
      throw new ConfigError(
        `${where}: the hash must be scrypt.N.r.p.salt.key; make one with pressmon serve --hash-password`,
      );
    }
    if (users.some((user) => user.name === name)) throw new ConfigError(`${where}: the user is listed twice`);
    users.push({ name, email: email === '' ? null : email, passwordHash: hash });
  }
  return users;
}

function readSecret(name: string, value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (value.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(
      `${name} must be at least ${MIN_SECRET_LENGTH} characters (try: openssl rand -base64 32)`,
    );
  }
  return value;
}

function readElasticsearch(env: Env): ElasticsearchSettings {
  const url = env.PRESSMON_ES_URL;
  if (url === undefined || url === '') {
    const port = readPort('PRESSMON_ES_PORT', env.PRESSMON_ES_PORT ?? '9200');
    return {
      kind: 'embedded',
      url: `http://127.0.0.1:${port}`,
      port,
      heap: readHeap(env.PRESSMON_ES_HEAP ?? '1g'),
    };
  }
  if (!/^https?:\/\//.test(url)) {
    throw new ConfigError(`PRESSMON_ES_URL must start with http:// or https://, got "${url}"`);
  }
  const apiKey = env.PRESSMON_ES_API_KEY;
  const username = env.PRESSMON_ES_USERNAME;
  const password = env.PRESSMON_ES_PASSWORD;
  if (apiKey && username) {
    throw new ConfigError('set either PRESSMON_ES_API_KEY or PRESSMON_ES_USERNAME/PASSWORD, not both');
  }
  if (username !== undefined && password === undefined) {
    throw new ConfigError('PRESSMON_ES_USERNAME is set but PRESSMON_ES_PASSWORD is not');
  }
  const auth = apiKey
    ? ({ kind: 'api-key', apiKey } as const)
    : username !== undefined && password !== undefined
      ? ({ kind: 'basic', username, password } as const)
      : ({ kind: 'none' } as const);
  return { kind: 'external', url, auth, caFile: env.PRESSMON_ES_CA_FILE ?? null };
}

function readPort(name: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`${name} must be a port number (1-65535), got "${value}"`);
  }
  return port;
}

function readHeap(value: string): string {
  if (!/^\d+[mg]$/.test(value)) {
    throw new ConfigError(`PRESSMON_ES_HEAP must look like 512m or 1g, got "${value}"`);
  }
  return value;
}

function readIndexPrefix(value: string): string {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(value)) {
    throw new ConfigError(`PRESSMON_INDEX_PREFIX must be lower-case letters, digits, - or _, got "${value}"`);
  }
  return value;
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

function readLogLevel(value: string): Settings['logLevel'] {
  const level = LOG_LEVELS.find((candidate) => candidate === value);
  if (level === undefined) {
    throw new ConfigError(`PRESSMON_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`);
  }
  return level;
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== '');
}
