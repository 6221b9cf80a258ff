// The local Cognito Identity emulator as every local run uses it: one Region,
// one pair of dummy keys the emulator verifies SigV4 signatures against, an
// SDK client signed with them, and the AWS part of a child process's
// environment (those keys, nothing from ~/.aws or the metadata service).
//
// One harness for the demo, the tests and the benchmarks: this file,
// seed.ts (pools and developer users) and terraform-sandbox.ts (Terraform's
// CLI config and environment), next to aws-provider-mirror.ts and
// terraform-runner.ts, which the three already shared. They live here, in
// examples/demo/, because the demo is the one of the three that users build
// and run (`npm start` runs dist/examples/demo): it may import neither test/
// nor bench/ (eslint.config.js fences examples/), while the tests (ts-jest)
// and the benchmarks (dist/bench) may import examples/demo. Every import of
// the harness therefore runs one way: test/ -> examples/demo <- bench/. None
// of it is in the published package (package.json `files`).

import { Agent } from 'node:http';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { startEmulator, type EmulatorCredentials, type EmulatorOptions, type RunningEmulator } from '../../emulator/src';

export const REGION = 'us-east-1';

/** Dummy keys known only to the local emulator. The secret is never printed, logged or stored (tests check). */
export const LOCAL_CREDENTIALS: Readonly<EmulatorCredentials> = {
  accessKeyId: 'AKIDLOCALEMULATOR001',
  secretAccessKey: 'localEmulatorSecret/DoNotLog+0123456789abcdef',
};

/**
 * The AWS variables of a child process (Terraform, the AWS CLI): the dummy
 * keys and the Region, and no config file, credentials file or instance
 * metadata to fall back on.
 */
export function localAwsEnv(): NodeJS.ProcessEnv {
  return {
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_REGION: REGION,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

export interface LocalClientOptions {
  /** The SDK's attempts per call; default the SDK's (tests use 1, so a fault is seen as it is). */
  maxAttempts?: number;
  /** Other keys than LOCAL_CREDENTIALS, for tests of signature checks. */
  credentials?: EmulatorCredentials;
}

/**
 * An SDK client for the emulator at `endpoint`, signed with LOCAL_CREDENTIALS.
 * One connection per request: a reused idle socket can meet the server
 * closing it (ECONNRESET), which a client with a single attempt would report
 * as a failure of the call; on loopback a new connection costs next to nothing.
 */
export function localClient(endpoint: string, options: LocalClientOptions = {}): CognitoIdentityClient {
  return new CognitoIdentityClient({
    endpoint,
    region: REGION,
    credentials: options.credentials ?? LOCAL_CREDENTIALS,
    requestHandler: { httpAgent: new Agent({ keepAlive: false }) },
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
  });
}

export interface LocalEmulator {
  emulator: RunningEmulator;
  client: CognitoIdentityClient;
  /** Destroys the client and stops the emulator. */
  stop(): Promise<void>;
}

/** An emulator (on a free port) that verifies signatures against LOCAL_CREDENTIALS, and a client signed with them. */
export async function startLocalEmulator(
  options: Omit<EmulatorOptions, 'credentials' | 'region'> = {},
  client: Pick<LocalClientOptions, 'maxAttempts'> = {},
): Promise<LocalEmulator> {
  const emulator = await startEmulator({ ...options, credentials: LOCAL_CREDENTIALS, region: REGION });
  const sdk = localClient(emulator.endpoint, client);
  return {
    emulator,
    client: sdk,
    async stop() {
      sdk.destroy();
      await emulator.stop();
    },
  };
}
