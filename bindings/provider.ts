// The `cognitoidentity` provider block, shaped like cdktf's generated provider
// bindings. Attribute names and meanings: provider/src/cognito/schemas.ts.
import type { Construct } from 'constructs';
import { TerraformProvider, booleanToTerraform, stringToTerraform, numberToTerraform, type IResolvable } from './cdk';
import { definedHclAttributes, hclBoolean, hclNumber, hclString } from './hcl';
import { GENERATOR_METADATA, PROVIDER_NAME, PROVIDER_SOURCE } from './metadata';
import type { CognitoidentityProviderConfig, RetryMode } from './provider-config';

/** The `cognitoidentity` provider: Cognito Identity developer-identity merges. */
export class CognitoidentityProvider extends TerraformProvider {
  /** The provider type name. */
  static readonly tfResourceType = PROVIDER_NAME;

  private _region?: string;
  private _profile?: string;
  private _accessKey?: string;
  private _secretKey?: string;
  private _token?: string;
  private _endpoint?: string;
  private _maxRetries?: number;
  private _connectTimeoutSeconds?: number;
  private _requestTimeoutSeconds?: number;
  private _retryMode?: RetryMode;
  private _countDeveloperIdsAsLinkedLogins?: boolean | IResolvable;
  private _alias?: string;

  /** Configures the provider; credentials follow the standard AWS chain unless set here. */
  constructor(scope: Construct, id: string, config: CognitoidentityProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: PROVIDER_NAME,
      terraformGeneratorMetadata: GENERATOR_METADATA,
      terraformProviderSource: PROVIDER_SOURCE,
    });
    this._region = config.region;
    this._profile = config.profile;
    this._accessKey = config.accessKey;
    this._secretKey = config.secretKey;
    this._token = config.token;
    this._endpoint = config.endpoint;
    this._maxRetries = config.maxRetries;
    this._connectTimeoutSeconds = config.connectTimeoutSeconds;
    this._requestTimeoutSeconds = config.requestTimeoutSeconds;
    this._retryMode = config.retryMode;
    this._countDeveloperIdsAsLinkedLogins = config.countDeveloperIdsAsLinkedLogins;
    this._alias = config.alias;
  }

  // Provider getters return what was configured: a provider block has no
  // attributes to reference, unlike a resource.

  /** AWS Region of the Cognito Identity endpoint. */
  get region(): string | undefined {
    return this._region;
  }
  set region(value: string | undefined) {
    this._region = value;
  }
  /** Leaves `region` unset, so the provider uses its default. */
  resetRegion(): void {
    this._region = undefined;
  }
  /** What the config sets for `region`, before Terraform resolves it; undefined when unset. */
  get regionInput(): string | undefined {
    return this._region;
  }

  /** Named profile from the shared AWS config and credentials files. */
  get profile(): string | undefined {
    return this._profile;
  }
  set profile(value: string | undefined) {
    this._profile = value;
  }
  /** Leaves `profile` unset, so the provider uses its default. */
  resetProfile(): void {
    this._profile = undefined;
  }
  /** What the config sets for `profile`, before Terraform resolves it; undefined when unset. */
  get profileInput(): string | undefined {
    return this._profile;
  }

  /** AWS access key id. */
  get accessKey(): string | undefined {
    return this._accessKey;
  }
  set accessKey(value: string | undefined) {
    this._accessKey = value;
  }
  /** Leaves `accessKey` unset, so the provider uses its default. */
  resetAccessKey(): void {
    this._accessKey = undefined;
  }
  /** What the config sets for `accessKey`, before Terraform resolves it; undefined when unset. */
  get accessKeyInput(): string | undefined {
    return this._accessKey;
  }

  /** AWS secret access key. */
  get secretKey(): string | undefined {
    return this._secretKey;
  }
  set secretKey(value: string | undefined) {
    this._secretKey = value;
  }
  /** Leaves `secretKey` unset, so the provider uses its default. */
  resetSecretKey(): void {
    this._secretKey = undefined;
  }
  /** What the config sets for `secretKey`, before Terraform resolves it; undefined when unset. */
  get secretKeyInput(): string | undefined {
    return this._secretKey;
  }

  /** AWS session token. */
  get token(): string | undefined {
    return this._token;
  }
  set token(value: string | undefined) {
    this._token = value;
  }
  /** Leaves `token` unset, so the provider uses its default. */
  resetToken(): void {
    this._token = undefined;
  }
  /** What the config sets for `token`, before Terraform resolves it; undefined when unset. */
  get tokenInput(): string | undefined {
    return this._token;
  }

  /** Custom Cognito Identity endpoint URL. */
  get endpoint(): string | undefined {
    return this._endpoint;
  }
  set endpoint(value: string | undefined) {
    this._endpoint = value;
  }
  /** Leaves `endpoint` unset, so the provider uses its default. */
  resetEndpoint(): void {
    this._endpoint = undefined;
  }
  /** What the config sets for `endpoint`, before Terraform resolves it; undefined when unset. */
  get endpointInput(): string | undefined {
    return this._endpoint;
  }

  /** Maximum attempts per throttled Cognito API call, including the first. */
  get maxRetries(): number | undefined {
    return this._maxRetries;
  }
  set maxRetries(value: number | undefined) {
    this._maxRetries = value;
  }
  /** Leaves `maxRetries` unset, so the provider uses its default. */
  resetMaxRetries(): void {
    this._maxRetries = undefined;
  }
  /** What the config sets for `maxRetries`, before Terraform resolves it; undefined when unset. */
  get maxRetriesInput(): number | undefined {
    return this._maxRetries;
  }

  /** Seconds to wait for a connection. */
  get connectTimeoutSeconds(): number | undefined {
    return this._connectTimeoutSeconds;
  }
  set connectTimeoutSeconds(value: number | undefined) {
    this._connectTimeoutSeconds = value;
  }
  /** Leaves `connectTimeoutSeconds` unset, so the provider uses its default. */
  resetConnectTimeoutSeconds(): void {
    this._connectTimeoutSeconds = undefined;
  }
  /** What the config sets for `connectTimeoutSeconds`, before Terraform resolves it; undefined when unset. */
  get connectTimeoutSecondsInput(): number | undefined {
    return this._connectTimeoutSeconds;
  }

  /** Seconds to wait for the answer to one request. */
  get requestTimeoutSeconds(): number | undefined {
    return this._requestTimeoutSeconds;
  }
  set requestTimeoutSeconds(value: number | undefined) {
    this._requestTimeoutSeconds = value;
  }
  /** Leaves `requestTimeoutSeconds` unset, so the provider uses its default. */
  resetRequestTimeoutSeconds(): void {
    this._requestTimeoutSeconds = undefined;
  }
  /** What the config sets for `requestTimeoutSeconds`, before Terraform resolves it; undefined when unset. */
  get requestTimeoutSecondsInput(): number | undefined {
    return this._requestTimeoutSeconds;
  }

  /** AWS SDK retry mode. */
  get retryMode(): RetryMode | undefined {
    return this._retryMode;
  }
  set retryMode(value: RetryMode | undefined) {
    this._retryMode = value;
  }
  /** Leaves `retryMode` unset, so the provider uses its default. */
  resetRetryMode(): void {
    this._retryMode = undefined;
  }
  /** What the config sets for `retryMode`, before Terraform resolves it; undefined when unset. */
  get retryModeInput(): RetryMode | undefined {
    return this._retryMode;
  }

  /** Whether plan counts developer user ids toward a merge's 20 linked logins. */
  get countDeveloperIdsAsLinkedLogins(): boolean | IResolvable | undefined {
    return this._countDeveloperIdsAsLinkedLogins;
  }
  set countDeveloperIdsAsLinkedLogins(value: boolean | IResolvable | undefined) {
    this._countDeveloperIdsAsLinkedLogins = value;
  }
  /** Leaves `countDeveloperIdsAsLinkedLogins` unset, so the provider uses its default. */
  resetCountDeveloperIdsAsLinkedLogins(): void {
    this._countDeveloperIdsAsLinkedLogins = undefined;
  }
  /** What the config sets for `countDeveloperIdsAsLinkedLogins`, before Terraform resolves it; undefined when unset. */
  get countDeveloperIdsAsLinkedLoginsInput(): boolean | IResolvable | undefined {
    return this._countDeveloperIdsAsLinkedLogins;
  }

  /** Alias, when several configurations of this provider are used. */
  override get alias(): string | undefined {
    return this._alias;
  }
  override set alias(value: string | undefined) {
    this._alias = value;
  }
  /** Leaves `alias` unset, so the provider uses its default. */
  resetAlias(): void {
    this._alias = undefined;
  }
  /** What the config sets for `alias`, before Terraform resolves it; undefined when unset. */
  get aliasInput(): string | undefined {
    return this._alias;
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      region: stringToTerraform(this._region),
      profile: stringToTerraform(this._profile),
      access_key: stringToTerraform(this._accessKey),
      secret_key: stringToTerraform(this._secretKey),
      token: stringToTerraform(this._token),
      endpoint: stringToTerraform(this._endpoint),
      max_retries: numberToTerraform(this._maxRetries),
      connect_timeout_seconds: numberToTerraform(this._connectTimeoutSeconds),
      request_timeout_seconds: numberToTerraform(this._requestTimeoutSeconds),
      retry_mode: stringToTerraform(this._retryMode),
      count_developer_ids_as_linked_logins: booleanToTerraform(this._countDeveloperIdsAsLinkedLogins),
      alias: stringToTerraform(this._alias),
    };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return definedHclAttributes({
      region: hclString(this._region),
      profile: hclString(this._profile),
      access_key: hclString(this._accessKey),
      secret_key: hclString(this._secretKey),
      token: hclString(this._token),
      endpoint: hclString(this._endpoint),
      max_retries: hclNumber(this._maxRetries),
      connect_timeout_seconds: hclNumber(this._connectTimeoutSeconds),
      request_timeout_seconds: hclNumber(this._requestTimeoutSeconds),
      retry_mode: hclString(this._retryMode),
      count_developer_ids_as_linked_logins: hclBoolean(this._countDeveloperIdsAsLinkedLogins),
      alias: hclString(this._alias),
    });
  }
}
