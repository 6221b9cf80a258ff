// The provider block, turned into settings for the AWS SDK. Credentials are
// kept only in memory and never appear in a diagnostic: messages name the
// attribute, not its value.

import { errorDiag, type Diagnostic } from '../framework/diagnostics';
import { isUnknown, knownString, type CtyValue, type ObjectValue } from '../framework/values';

export type RetryMode = 'standard' | 'adaptive';

export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface ProviderSettings {
  /** Explicit region (config or AWS_REGION/AWS_DEFAULT_REGION); otherwise each pool id's prefix. */
  region?: string;
  /** Where `region` came from, for messages. */
  regionSource?: string;
  profile?: string;
  credentials?: StaticCredentials;
  /** Explicit endpoint from the provider block; the SDK reads the AWS_ENDPOINT_URL* variables itself. */
  endpoint?: string;
  maxAttempts: number;
  retryMode: RetryMode;
  /** How long to wait for a TCP (and TLS) connection, and for an answer once a request is sent. */
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  /** Plan counts developer user ids toward the 20 linked logins of a merge (undocumented by AWS). */
  countDeveloperIdsAsLinkedLogins: boolean;
  /** Provider attributes still unknown (config depends on values known only after apply). */
  unknownAttributes: string[];
}

const DEFAULT_MAX_ATTEMPTS = 25;
const MAX_ATTEMPTS_LIMIT = 100;
export const RETRY_MODES = ['standard', 'adaptive'] as const satisfies readonly RetryMode[];
const DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;
const DEFAULT_REQUEST_TIMEOUT_SECONDS = 10;
const TIMEOUT_LIMIT_SECONDS = 300;
const TIMEOUTS = ['connect_timeout_seconds', 'request_timeout_seconds'] as const;
/** AWS Region names: us-east-1, us-gov-west-1, cn-north-1, ap-southeast-5, ... */
const REGION_FORM = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

function numberOf(v: CtyValue): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}

/** Checks the provider block; unknown values are skipped (they are checked again at configure). */
export function validateProviderConfig(config: ObjectValue): Diagnostic[] {
  return [...credentialDiagnostics(config), ...numberDiagnostics(config), ...formDiagnostics(config)];
}

/** Keys that come only in pairs (or with their pair), and strings that must not be empty. */
function credentialDiagnostics(config: ObjectValue): Diagnostic[] {
  const diags: Diagnostic[] = [];
  const present = (name: string) => config[name] !== null && config[name] !== undefined;
  const known = (name: string) => !isUnknown(config[name]);

  if (present('access_key') && !present('secret_key') && known('access_key')) {
    diags.push(
      errorDiag(
        'Missing secret_key',
        '`secret_key` is required when `access_key` is set. Set both, or neither to use the standard AWS credential chain.',
        'secret_key',
      ),
    );
  }
  if (present('secret_key') && !present('access_key') && known('secret_key')) {
    diags.push(
      errorDiag(
        'Missing access_key',
        '`access_key` is required when `secret_key` is set. Set both, or neither to use the standard AWS credential chain.',
        'access_key',
      ),
    );
  }
  if (present('token') && !present('access_key') && known('token')) {
    diags.push(errorDiag('Missing access_key', '`token` is a session token for `access_key`/`secret_key`; set those too.', 'token'));
  }
  for (const name of ['access_key', 'secret_key', 'region', 'profile', 'endpoint']) {
    if (knownString(config, name) === '') {
      diags.push(errorDiag(`Empty ${name}`, `\`${name}\` must not be an empty string; leave it unset to use the default.`, name));
    }
  }
  return diags;
}

/** max_retries and the timeouts, each within its range. */
function numberDiagnostics(config: ObjectValue): Diagnostic[] {
  const diags: Diagnostic[] = [];
  const retries = config['max_retries'];
  if (retries !== null && retries !== undefined && !isUnknown(retries)) {
    const n = numberOf(retries);
    if (n === undefined || !Number.isInteger(n) || n < 1 || n > MAX_ATTEMPTS_LIMIT) {
      diags.push(
        errorDiag(
          'Invalid max_retries',
          `\`max_retries\` is the number of attempts per API call: a whole number from 1 to ${MAX_ATTEMPTS_LIMIT}; got ${String(n ?? retries)}.`,
          'max_retries',
        ),
      );
    }
  }

  for (const name of TIMEOUTS) {
    const v = config[name];
    if (v === null || v === undefined || isUnknown(v)) continue;
    const n = numberOf(v);
    if (n === undefined || !(n > 0) || n > TIMEOUT_LIMIT_SECONDS) {
      diags.push(
        errorDiag(`Invalid ${name}`, `\`${name}\` is a number of seconds greater than 0 and at most ${TIMEOUT_LIMIT_SECONDS}; got ${String(n ?? v)}.`, name),
      );
    }
  }
  return diags;
}

/** region, retry_mode and endpoint, each of its form. */
function formDiagnostics(config: ObjectValue): Diagnostic[] {
  const diags: Diagnostic[] = [];
  const region = knownString(config, 'region');
  if (region && !REGION_FORM.test(region)) {
    diags.push(
      errorDiag('Invalid region', `\`region\` must be an AWS Region name such as "us-east-1" or "eu-central-1"; got "${region.slice(0, 40)}".`, 'region'),
    );
  }

  const mode = knownString(config, 'retry_mode');
  if (mode !== undefined && !(RETRY_MODES as readonly string[]).includes(mode)) {
    diags.push(errorDiag('Invalid retry_mode', `\`retry_mode\` must be "standard" or "adaptive"; got "${mode.slice(0, 40)}".`, 'retry_mode'));
  }

  const endpoint = knownString(config, 'endpoint');
  if (endpoint && !isHttpUrl(endpoint)) {
    diags.push(
      errorDiag(
        'Invalid endpoint',
        `\`endpoint\` must be an absolute http:// or https:// URL, for example http://127.0.0.1:4566; got "${endpoint.slice(0, 200)}".`,
        'endpoint',
      ),
    );
  }
  return diags;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function regionOf(config: ObjectValue, env: NodeJS.ProcessEnv): Pick<ProviderSettings, 'region' | 'regionSource'> {
  const block = knownString(config, 'region');
  if (block) return { region: block, regionSource: '`region` in the provider block' };
  if (env.AWS_REGION) return { region: env.AWS_REGION, regionSource: 'AWS_REGION' };
  if (env.AWS_DEFAULT_REGION) return { region: env.AWS_DEFAULT_REGION, regionSource: 'AWS_DEFAULT_REGION' };
  return {};
}

/** Turns a validated provider block into settings. Unknown attributes are listed, not resolved. */
export function readProviderSettings(config: ObjectValue, env: NodeJS.ProcessEnv = process.env): ProviderSettings {
  const unknownAttributes = Object.keys(config).filter((name) => isUnknown(config[name]));
  const accessKey = knownString(config, 'access_key');
  const secretKey = knownString(config, 'secret_key');
  const token = knownString(config, 'token');
  const retries = numberOf(config['max_retries'] ?? null);
  const mode = knownString(config, 'retry_mode');
  return {
    ...regionOf(config, env),
    profile: knownString(config, 'profile') || undefined,
    credentials: accessKey && secretKey ? { accessKeyId: accessKey, secretAccessKey: secretKey, sessionToken: token || undefined } : undefined,
    endpoint: knownString(config, 'endpoint') || undefined,
    maxAttempts: retries ?? DEFAULT_MAX_ATTEMPTS,
    retryMode: mode === 'adaptive' ? 'adaptive' : 'standard',
    connectTimeoutMs: (numberOf(config['connect_timeout_seconds'] ?? null) ?? DEFAULT_CONNECT_TIMEOUT_SECONDS) * 1000,
    requestTimeoutMs: (numberOf(config['request_timeout_seconds'] ?? null) ?? DEFAULT_REQUEST_TIMEOUT_SECONDS) * 1000,
    countDeveloperIdsAsLinkedLogins: config['count_developer_ids_as_linked_logins'] !== false,
    unknownAttributes,
  };
}

/** The endpoint a call for `region` goes to, for messages (mirrors the SDK's own resolution order). */
export function describeEndpoint(settings: ProviderSettings, region: string, env: NodeJS.ProcessEnv = process.env): string {
  if (settings.endpoint) return settings.endpoint;
  const ignoreEnv = (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '').toLowerCase() === 'true';
  if (!ignoreEnv) {
    const fromEnv = env.AWS_ENDPOINT_URL_COGNITO_IDENTITY || env.AWS_ENDPOINT_URL;
    if (fromEnv) return fromEnv;
  }
  return `https://cognito-identity.${region}.amazonaws.com`;
}
