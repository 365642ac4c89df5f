// The one place that reads the environment. `loadConfig(process.env)` runs once at boot (main.ts);
// tests pass their own env object. A bad value fails fast with a message that names the variable.
import { fileURLToPath } from 'node:url';
import { DEFAULT_HISTORY_VERSIONS, DEFAULT_QUOTAS, isPostgresUrl } from '@meshconsole/engine';
import { z } from 'zod';
import { LOOPBACK_HOSTS, normalizeHostName } from './http/host-allow-list.js';

export type MeshBackend = 'local' | 'appmesh';

export interface AccessKey {
  accountId: string;
  /** When set, requests signed with this key must carry a valid SigV4 signature. */
  secret?: string;
}

/** ADMIN_API: the test-support endpoints `/api/admin/*` (reset, and the seed routes that join it). */
export type AdminApiMode = 'auto' | 'on' | 'off';

export interface TestSupportConfig {
  mode: AdminApiMode;
  /** They answer at all: the local mesh, and a loopback HOST (auto) or ADMIN_API=on. */
  enabled: boolean;
  /** Why they are off, for people (the console and the 403 say it). */
  reason?: string;
  /** Access keys allowed to call them; required (SigV4, service `meshconsole`) once an ACCESS_KEYS key has a secret. */
  adminKeys: ReadonlySet<string>;
}

export interface Config {
  host: string;
  /**
   * Host names the server answers to (Host header, normalised): the loopback names, HOST unless it is a wildcard
   * address, and ALLOWED_HOSTS.
   */
  allowedHosts: ReadonlySet<string>;
  port: number;
  meshBackend: MeshBackend;
  /**
   * Absolute path of the SQLite file, `:memory:` (SQLite in memory), `memory:` (the engine's in-process
   * store, no native code), or a PostgreSQL URL (`postgres://...`, kept as given).
   */
  meshDb: string;
  /** With PostgreSQL: most connections this process opens to the database. */
  meshDbPoolSize: number;
  /** What an empty store starts with: the demo data, nothing, or the seed document `seedFile` (SEED=<path>). */
  seed: 'demo' | 'none' | 'file';
  /** Absolute path of the seed document SEED names (with `seed: 'file'`). */
  seedFile?: string;
  /** FIXED_TIME: every `createdAt`/`lastUpdatedAt` is this instant (ms since the epoch). */
  fixedTime?: number;
  /** FIXED_IDS: every `uid` is a function of this string and the resource's ARN. */
  fixedIds?: string;
  accountId: string;
  region: string;
  appmeshEndpoint?: string;
  /** Quota overrides from `QUOTA_<NAME>` variables, keyed by camelCase name (`virtualGatewaysPerMesh`). */
  quotas: Record<string, number>;
  /** Versions kept per resource in the local mesh's history (oldest dropped first). */
  historyVersions: number;
  /** Access key id -> account (and optional secret). Unknown keys act as `accountId` while no key has a secret. */
  accessKeys: ReadonlyMap<string, AccessKey>;
  /** Who may use the test-support endpoints (console-api/test-support.ts). */
  testSupport: TestSupportConfig;
  /** Requests per minute per client; 0 turns rate limiting off. */
  rateLimitPerMinute: number;
  /** Largest accepted JSON body, in bytes. */
  bodyLimitBytes: number;
  /** Folder with the built console (index.html, assets/, and the server render's bundle in .ssr/). */
  consoleDist: string;
  /** Whether a first load of a page that shows data is rendered on the server (http/server-render.ts). */
  serverRender: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** MESH_DB's value for the engine's in-process store (MemoryStore). */
export const MEMORY_STORE = 'memory:';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const ACCOUNT_ID = z.string().regex(/^\d{12}$/, { error: 'must be a 12-digit AWS account id' });

/** `apps/console/dist`, relative to this module: `apps/bff/src/config.ts` in dev, `apps/bff/dist/main.js` built. */
export const DEFAULT_CONSOLE_DIST = fileURLToPath(new URL('../../console/dist', import.meta.url));

function parseByteSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb)?$/i.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'b').toLowerCase();
  const factor = unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1;
  return Math.floor(n * factor);
}

function parseAccessKeys(text: string, ctx: z.RefinementCtx): Map<string, AccessKey> {
  const map = new Map<string, AccessKey>();
  const seen = new Map<string, number>();
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const first = entry.indexOf(':');
    const keyId = first < 0 ? entry : entry.slice(0, first);
    const rest = first < 0 ? '' : entry.slice(first + 1);
    const second = rest.indexOf(':');
    const accountId = second < 0 ? rest : rest.slice(0, second);
    const secret = second < 0 ? undefined : rest.slice(second + 1);
    if (!/^[A-Za-z0-9]{1,128}$/.test(keyId) || !/^\d{12}$/.test(accountId) || secret === '') {
      ctx.addIssue({
        code: 'custom',
        message: `entry "${keyId}" must look like ACCESS_KEY_ID:123456789012 or ACCESS_KEY_ID:123456789012:secret`,
      });
      continue;
    }
    seen.set(keyId, (seen.get(keyId) ?? 0) + 1);
    map.set(keyId, secret === undefined ? { accountId } : { accountId, secret });
  }
  for (const [keyId, times] of seen) {
    if (times > 1) {
      ctx.addIssue({
        code: 'custom',
        message: `lists access key "${keyId}" ${times} times; each access key id may appear once`,
      });
    }
  }
  return map;
}

/** A DNS name or an IP address literal, as ALLOWED_HOSTS lists them (no scheme, no port). */
const HOST_NAME =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[?[0-9a-f:.]+\]?)$/i;

function parseAllowedHosts(text: string, ctx: z.RefinementCtx): string[] {
  const names: string[] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    if (!HOST_NAME.test(entry.replace(/\.$/, ''))) {
      ctx.addIssue({
        code: 'custom',
        message: `entry "${entry}" must be a host name or an IP address, such as mesh.example.com or 10.0.0.5 (no scheme, no port)`,
      });
      continue;
    }
    names.push(normalizeHostName(entry));
  }
  return names;
}

/** True for an address only this machine can reach: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(host: string): boolean {
  const name = normalizeHostName(host);
  return name === 'localhost' || name === '::1' || /^127(?:\.\d{1,3}){3}$/.test(name);
}

function parseKeyIds(text: string, ctx: z.RefinementCtx): string[] {
  const ids = text
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  for (const id of ids) {
    if (!/^[A-Za-z0-9]{1,128}$/.test(id)) {
      ctx.addIssue({ code: 'custom', message: `entry "${id}" must be an access key id (letters and digits)` });
    }
  }
  return ids;
}

/** Addresses that mean "every interface": they name no host a client would send. */
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);

/** A whole number written in decimal digits only (`Number()` would also take 0x1F90, 8e3 or 8080.0). */
function decimal(message: string, max = Number.MAX_SAFE_INTEGER) {
  return z
    .string()
    .regex(/^\d{1,16}$/, { error: message })
    .transform(Number)
    .refine((n) => n <= max, { error: message });
}

const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  ALLOWED_HOSTS: z.string().default('').transform(parseAllowedHosts),
  PORT: decimal('must be a decimal port number from 0 to 65535', 65535).default(8080),
  MESH_BACKEND: z.enum(['local', 'appmesh'], { error: 'must be "local" or "appmesh"' }).default('local'),
  MESH_DB: z.string().min(1).default('./data/meshconsole.db'),
  MESH_DB_POOL_SIZE: z.coerce
    .number({ error: 'must be a number of connections' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be between 1 and 1000' })
    .max(1000, { error: 'must be between 1 and 1000' })
    .default(10),
  HISTORY_VERSIONS: decimal('must be a whole number of versions from 1 to 10000 in decimal digits', 10_000)
    .refine((n) => n >= 1, { error: 'must be a whole number of versions from 1 to 10000 in decimal digits' })
    .default(DEFAULT_HISTORY_VERSIONS),
  // "demo", "none", or the path of a seed document (docs/seed-documents.md).
  SEED: z.string().default('demo'),
  FIXED_TIME: z.iso
    .datetime({ offset: true, error: 'must be an ISO-8601 instant with a time zone, such as 2026-01-15T12:00:00Z' })
    .transform((text) => Date.parse(text))
    .optional(),
  FIXED_IDS: z.string().max(256, { error: 'must be at most 256 characters' }).optional(),
  ACCOUNT_ID: ACCOUNT_ID.default('123456789012'),
  AWS_REGION: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, { error: 'must be an AWS region such as us-west-2' })
    .default('us-west-2'),
  APPMESH_ENDPOINT: z.url({ error: 'must be a URL such as http://127.0.0.1:8081' }).optional(),
  ACCESS_KEYS: z.string().default('').transform(parseAccessKeys),
  ADMIN_API: z.enum(['auto', 'on', 'off'], { error: 'must be "auto", "on" or "off"' }).default('auto'),
  ADMIN_KEYS: z.string().default('').transform(parseKeyIds),
  RATE_LIMIT: decimal('must be a whole number of requests per minute in decimal digits, or 0 (off)').default(6000),
  BODY_LIMIT: z
    .string()
    .default('256kb')
    .transform((text, ctx) => {
      const bytes = parseByteSize(text);
      if (bytes === undefined || bytes < 1) {
        ctx.addIssue({ code: 'custom', message: 'must be a size such as 256kb, 1mb or 65536' });
        return z.NEVER;
      }
      return bytes;
    }),
  CONSOLE_DIST: z.string().min(1).optional(),
  SERVER_RENDER: z.enum(['on', 'off'], { error: 'must be "on" or "off"' }).default('on'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
});

/** `QUOTA_VIRTUAL_GATEWAYS_PER_MESH` -> `virtualGatewaysPerMesh`. */
export function quotaKeyOf(envName: string): string {
  return envName
    .slice('QUOTA_'.length)
    .toLowerCase()
    .replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** `virtualGatewaysPerMesh` -> `QUOTA_VIRTUAL_GATEWAYS_PER_MESH`. */
export function quotaVariableOf(key: string): string {
  return `QUOTA_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

export const QUOTA_VARIABLES = Object.keys(DEFAULT_QUOTAS).map(quotaVariableOf);

/** A PostgreSQL URL names a server (a host, or a unix socket folder in `?host=`) and a database. */
function postgresUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'MESH_DB is not a valid PostgreSQL URL; use postgres://user:password@host:5432/database';
  }
  if (url.hostname === '' && !url.searchParams.has('host')) {
    return 'MESH_DB must name the PostgreSQL server: postgres://user:password@host:5432/database';
  }
  if (url.pathname.replace(/^\//, '') === '') {
    return 'MESH_DB must name the database: postgres://user:password@host:5432/database';
  }
  return undefined;
}

/** MESH_DB as it may appear in logs: a PostgreSQL URL without its password. */
export function redactMeshDb(meshDb: string): string {
  if (!isPostgresUrl(meshDb)) return meshDb;
  try {
    const url = new URL(meshDb);
    if (url.password !== '') url.password = '***';
    for (const key of [...url.searchParams.keys()]) if (/pass/i.test(key)) url.searchParams.set(key, '***');
    return url.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

function testSupportOf(
  mode: AdminApiMode,
  host: string,
  backend: MeshBackend,
  adminKeys: ReadonlySet<string>,
): TestSupportConfig {
  if (backend !== 'local') {
    return {
      mode,
      enabled: false,
      reason:
        'The test-support endpoints are only available with the local mesh (MESH_BACKEND=local); they never touch a real mesh.',
      adminKeys,
    };
  }
  if (mode === 'off') {
    return {
      mode,
      enabled: false,
      reason: 'The test-support endpoints are off on this server (ADMIN_API=off).',
      adminKeys,
    };
  }
  if (mode === 'auto' && !isLoopbackHost(host)) {
    return {
      mode,
      enabled: false,
      reason: `The test-support endpoints are off: this server listens on ${host}, beyond this machine. Start it with ADMIN_API=on to allow them.`,
      adminKeys,
    };
  }
  return { mode, enabled: true, adminKeys };
}

export function loadConfig(env: Record<string, string | undefined>, resolvePath: (p: string) => string): Config {
  // Empty strings mean "not set", like most shells' `FOO= cmd`.
  const cleaned: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') cleaned[k] = v;

  const parsed = EnvSchema.safeParse(cleaned);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${String(issue.path[0] ?? '?')} ${issue.message}`);
  }

  const quotas: Record<string, number> = {};
  for (const [name, value] of Object.entries(cleaned)) {
    if (!name.startsWith('QUOTA_')) continue;
    if (!/^\d+$/.test(value) || Number(value) < 1) {
      problems.push(`${name} must be a whole number of at least 1 (got "${value}")`);
      continue;
    }
    const key = quotaKeyOf(name);
    if (!Object.hasOwn(DEFAULT_QUOTAS, key)) {
      problems.push(`${name} is not a known quota; use one of ${QUOTA_VARIABLES.join(', ')}`);
      continue;
    }
    quotas[key] = Number(value);
  }

  if (parsed.success && isPostgresUrl(parsed.data.MESH_DB)) {
    const problem = postgresUrlProblem(parsed.data.MESH_DB);
    if (problem) problems.push(problem);
  }

  if (parsed.success) {
    for (const id of parsed.data.ADMIN_KEYS) {
      if (!parsed.data.ACCESS_KEYS.get(id)?.secret) {
        problems.push(
          `ADMIN_KEYS entry "${id}" must be an ACCESS_KEYS key with a secret (the test-support endpoints check its signature)`,
        );
      }
    }
  }

  if (problems.length > 0 || !parsed.success) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  const e = parsed.data;
  const allowedHosts = new Set<string>([...LOOPBACK_HOSTS, ...e.ALLOWED_HOSTS]);
  if (!WILDCARD_ADDRESSES.has(e.HOST)) allowedHosts.add(normalizeHostName(e.HOST));
  const config: Config = {
    host: e.HOST,
    allowedHosts,
    port: e.PORT,
    meshBackend: e.MESH_BACKEND,
    meshDb:
      e.MESH_DB === ':memory:' || e.MESH_DB === MEMORY_STORE || isPostgresUrl(e.MESH_DB)
        ? e.MESH_DB
        : resolvePath(e.MESH_DB),
    meshDbPoolSize: e.MESH_DB_POOL_SIZE,
    seed: e.SEED === 'demo' || e.SEED === 'none' ? e.SEED : 'file',
    accountId: e.ACCOUNT_ID,
    region: e.AWS_REGION,
    quotas,
    historyVersions: e.HISTORY_VERSIONS,
    accessKeys: e.ACCESS_KEYS,
    testSupport: testSupportOf(e.ADMIN_API, e.HOST, e.MESH_BACKEND, new Set(e.ADMIN_KEYS)),
    rateLimitPerMinute: e.RATE_LIMIT,
    bodyLimitBytes: e.BODY_LIMIT,
    consoleDist: e.CONSOLE_DIST ? resolvePath(e.CONSOLE_DIST) : DEFAULT_CONSOLE_DIST,
    serverRender: e.SERVER_RENDER === 'on',
    logLevel: e.LOG_LEVEL,
  };
  if (e.APPMESH_ENDPOINT) config.appmeshEndpoint = e.APPMESH_ENDPOINT;
  if (config.seed === 'file') config.seedFile = resolvePath(e.SEED);
  if (e.FIXED_TIME !== undefined) config.fixedTime = e.FIXED_TIME;
  if (e.FIXED_IDS !== undefined) config.fixedIds = e.FIXED_IDS;
  return config;
}
