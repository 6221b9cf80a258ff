// What the example stack needs to know, read from environment variables so
// the same app runs against AWS or against the local emulator. Credentials
// are deliberately absent: both providers take them from the standard AWS
// chain at run time, so they never land in cdktf.out.

export interface MergeExampleSettings {
  /** Where Terraform gets the provider (`required_providers` source), when not the bindings' default; e.g. your registry's address. */
  readonly providerSource?: string;
  /** AWS Region for both providers. */
  readonly region: string;
  /** Cognito Identity endpoint (e.g. the local emulator); unset means AWS. */
  readonly endpoint?: string;
  /** Use this existing identity pool instead of creating one. */
  readonly existingIdentityPoolId?: string;
  readonly identityPoolName: string;
  readonly developerProviderName: string;
  /** The user whose identity survives. */
  readonly destinationUserIdentifier: string;
  /** The users merged into it, in merge order. */
  readonly sourceUserIdentifiers: string[];
}

export const DEFAULT_SETTINGS: MergeExampleSettings = {
  region: 'us-east-1',
  identityPoolName: 'merge_example',
  developerProviderName: 'login.example.app',
  destinationUserIdentifier: 'user-primary',
  sourceUserIdentifiers: ['user-secondary', 'user-tablet'],
};

/** A setting that cannot be used, named by its environment variable. */
export class ExampleSettingsError extends Error {
  override readonly name = 'ExampleSettingsError';
}

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * COGNITO_SOURCE_USERS is either a JSON array of strings or a comma-separated
 * list. Use the JSON form when an identifier itself contains a comma.
 */
export function parseSourceUsers(raw: string): string[] {
  const text = raw.trim();
  if (text.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ExampleSettingsError('COGNITO_SOURCE_USERS starts with "[" but is not valid JSON; give a JSON array of strings or a comma-separated list.');
    }
    if (!Array.isArray(parsed) || !parsed.every((u): u is string => typeof u === 'string')) {
      throw new ExampleSettingsError('COGNITO_SOURCE_USERS must be a JSON array of strings.');
    }
    return parsed;
  }
  return text
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

/** `contextRegion` is the cdktf context value `region` (the `context` of cdktf.json), which wins over env. */
export function settingsFromEnv(env: Env, contextRegion?: unknown): MergeExampleSettings {
  if (contextRegion !== undefined && typeof contextRegion !== 'string') {
    throw new ExampleSettingsError('cdktf context "region" must be a string.');
  }
  const sources = nonEmpty(env.COGNITO_SOURCE_USERS);
  return {
    region: nonEmpty(contextRegion) ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION) ?? DEFAULT_SETTINGS.region,
    endpoint: nonEmpty(env.COGNITO_ENDPOINT),
    providerSource: nonEmpty(env.COGNITO_PROVIDER_SOURCE),
    existingIdentityPoolId: nonEmpty(env.COGNITO_IDENTITY_POOL_ID),
    identityPoolName: nonEmpty(env.COGNITO_IDENTITY_POOL_NAME) ?? DEFAULT_SETTINGS.identityPoolName,
    developerProviderName: nonEmpty(env.COGNITO_DEVELOPER_PROVIDER_NAME) ?? DEFAULT_SETTINGS.developerProviderName,
    destinationUserIdentifier: nonEmpty(env.COGNITO_DESTINATION_USER) ?? DEFAULT_SETTINGS.destinationUserIdentifier,
    sourceUserIdentifiers: sources !== undefined ? parseSourceUsers(sources) : DEFAULT_SETTINGS.sourceUserIdentifiers,
  };
}
