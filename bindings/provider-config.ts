// The arguments of the `cognitoidentity` provider block, apart from the
// construct (provider.ts) so each file stays short. Attribute names and
// meanings: provider/src/cognito/schemas.ts.
import type { IResolvable } from './cdk';

/** The AWS SDK retry modes the provider accepts. */
export type RetryMode = 'standard' | 'adaptive';

/** The arguments of the `cognitoidentity` provider block; all optional. */
export interface CognitoidentityProviderConfig {
  /** AWS Region; defaults to AWS_REGION/AWS_DEFAULT_REGION, then the Region prefix of each identity pool id. */
  readonly region?: string;
  /** Named profile from the shared AWS config and credentials files. */
  readonly profile?: string;
  /** AWS access key id. Prefer the standard credential chain. */
  readonly accessKey?: string;
  /** AWS secret access key; required when accessKey is set. */
  readonly secretKey?: string;
  /** AWS session token for temporary credentials. */
  readonly token?: string;
  /** Custom Cognito Identity endpoint URL, e.g. a local emulator. */
  readonly endpoint?: string;
  /** Maximum attempts per Cognito API call, including the first. */
  readonly maxRetries?: number;
  /** Seconds to wait for a connection to the Cognito Identity endpoint (default 5, at most 300). */
  readonly connectTimeoutSeconds?: number;
  /** Seconds to wait for the answer to one request once it is sent (default 10, at most 300). */
  readonly requestTimeoutSeconds?: number;
  /** AWS SDK retry mode: `standard` or `adaptive`. */
  readonly retryMode?: RetryMode;
  /** Whether plan counts developer user ids toward a merge's 20 linked logins (default true; AWS does not document it). */
  readonly countDeveloperIdsAsLinkedLogins?: boolean | IResolvable;
  /** Alias, when several configurations of this provider are used. */
  readonly alias?: string;
}
