// When the AWS credential chain finds nothing, the SDK says only "Could not
// load credentials from any providers". These errors say instead which
// profile was missing, or where the chain looked, so the fix is obvious. They
// name environment variables and files, never a value read from them.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The chain found no credentials; `message` says where it looked. */
export class CredentialsNotFoundError extends Error {
  override readonly name = 'CredentialsNotFoundError';
  constructor(
    readonly title: string,
    message: string,
  ) {
    super(message);
  }
}

interface SharedFiles {
  config: string;
  credentials: string;
}

function sharedFiles(env: NodeJS.ProcessEnv = process.env): SharedFiles {
  const home = env['HOME'] || os.homedir();
  return {
    config: env['AWS_CONFIG_FILE'] || path.join(home, '.aws', 'config'),
    credentials: env['AWS_SHARED_CREDENTIALS_FILE'] || path.join(home, '.aws', 'credentials'),
  };
}

/** Profile names in an ini file (`[name]`, or `[profile name]` in the config file). */
function profilesIn(file: string): Set<string> {
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return new Set();
  }
  return new Set([...text.matchAll(/^\s*\[\s*(?:profile\s+)?([^\]\s]+)\s*\]/gm)].flatMap((m) => (m[1] === undefined ? [] : [m[1]])));
}

const isSet = (env: NodeJS.ProcessEnv, name: string): string => (env[name] ? `${name} is set` : `${name} is not set`);

/** Each place the Node credential chain tries, in its order. */
function placesLooked(profile: string | undefined, files: SharedFiles, env: NodeJS.ProcessEnv): string[] {
  const imds = env['AWS_EC2_METADATA_DISABLED'] && env['AWS_EC2_METADATA_DISABLED'] !== 'false' ? 'disabled by AWS_EC2_METADATA_DISABLED' : 'no answer';
  return [
    profile
      ? `environment variables: skipped, because profile "${profile}" is selected`
      : `environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (${isSet(env, 'AWS_ACCESS_KEY_ID')})`,
    `profile "${profile ?? 'default'}" (keys, SSO, credential_process) in ${files.config} and ${files.credentials}`,
    `web identity token (${isSet(env, 'AWS_WEB_IDENTITY_TOKEN_FILE')})`,
    env['AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'] || env['AWS_CONTAINER_CREDENTIALS_FULL_URI']
      ? 'container credentials endpoint (AWS_CONTAINER_CREDENTIALS_*_URI)'
      : `EC2 instance metadata (${imds})`,
  ];
}

/** Why the chain failed, for an error the SDK chain threw (CredentialsProviderError). */
export function credentialsNotFound(profileSetting: string | undefined, env: NodeJS.ProcessEnv = process.env): CredentialsNotFoundError {
  const profile = profileSetting ?? (env['AWS_PROFILE'] || undefined);
  const files = sharedFiles(env);
  const source = profileSetting ? '`profile` in the provider block' : 'AWS_PROFILE';
  const from = (name: string) => (env[name] ? `(${name})` : `(the default; ${name} is not set)`);
  if (profile && !profilesIn(files.config).has(profile) && !profilesIn(files.credentials).has(profile)) {
    return new CredentialsNotFoundError(
      `AWS profile "${profile}" not found`,
      `The profile "${profile}" (from ${source}) is in neither the config file ${files.config} ${from('AWS_CONFIG_FILE')} nor the credentials file ${files.credentials} ${from('AWS_SHARED_CREDENTIALS_FILE')}. Add it there, point those variables at the files that hold it, or choose another profile.`,
    );
  }
  const places = placesLooked(profile, files, env)
    .map((p, i) => `${i + 1}. ${p}`)
    .join('; ');
  return new CredentialsNotFoundError(
    'no AWS credentials found',
    `\`access_key\`/\`secret_key\` are not set in the provider block, and the AWS credential chain found nothing. It looked at: ${places}. Set credentials in one of these places.`,
  );
}
