// The schemas of the `cognitoidentity` provider. The docs under docs/ and the
// cdktf bindings under bindings/ are checked against these by tests, so this
// file is the single source of truth for names, types and descriptions.

import type { Schema } from '../framework/schema';

export { PROVIDER_TYPE } from './identity';
export const MERGED_IDENTITY = 'cognitoidentity_merged_identity';
export const DEVELOPER_IDENTITY = 'cognitoidentity_developer_identity';
export const MERGED_IDENTITIES = 'cognitoidentity_merged_identities';

export const providerSchema: Schema = {
  version: 0,
  block: {
    description: 'Declares Amazon Cognito Identity developer-identity merges. Credentials follow the standard AWS chain unless set here.',
    attributes: {
      region: {
        type: 'string',
        optional: true,
        description:
          "AWS Region of the Cognito Identity endpoint. Defaults to `AWS_REGION`/`AWS_DEFAULT_REGION`, then to the Region prefix of each resource's `identity_pool_id`.",
      },
      profile: {
        type: 'string',
        optional: true,
        description: 'Named profile from the shared AWS config and credentials files.',
      },
      access_key: {
        type: 'string',
        optional: true,
        sensitive: true,
        description: 'AWS access key id. Prefer the standard credential chain (environment, profile, SSO, instance role).',
      },
      secret_key: {
        type: 'string',
        optional: true,
        sensitive: true,
        description: 'AWS secret access key. Required when `access_key` is set.',
      },
      token: {
        type: 'string',
        optional: true,
        sensitive: true,
        description: 'AWS session token for temporary credentials.',
      },
      endpoint: {
        type: 'string',
        optional: true,
        description:
          'Custom Cognito Identity endpoint URL, for example a local emulator. Defaults to `AWS_ENDPOINT_URL_COGNITO_IDENTITY`, then `AWS_ENDPOINT_URL`, then the AWS endpoint of the Region.',
      },
      max_retries: {
        type: 'number',
        optional: true,
        description:
          'Maximum number of attempts per Cognito API call when throttled, including the first: a whole number from 1 to 100, default 25. Other transient errors (5xx, dropped connections) get at most 4 attempts; client errors are not retried.',
      },
      retry_mode: {
        type: 'string',
        optional: true,
        description: 'AWS SDK retry mode: `standard` (default) or `adaptive`.',
      },
      connect_timeout_seconds: {
        type: 'number',
        optional: true,
        description: 'Seconds to wait for a connection to the Cognito Identity endpoint (default 5, at most 300).',
      },
      request_timeout_seconds: {
        type: 'number',
        optional: true,
        description:
          'Seconds to wait for the answer to one request once it is sent (default 10, at most 300). A timed-out request counts as a transient failure and is retried at most 3 more times.',
      },
      count_developer_ids_as_linked_logins: {
        type: 'bool',
        optional: true,
        description:
          'Whether plan counts each developer user id as one of the 20 linked logins Cognito allows on a merged identity (default `true`). AWS does not document whether developer user ids count; with `false`, plan counts public-provider logins only and Cognito has the final word at apply (a refused merge changes nothing).',
      },
    },
  },
};

export const mergedIdentitySchema: Schema = {
  version: 0,
  block: {
    description:
      'Merges the developer user `source_user_identifier` into the identity of `destination_user_identifier` (MergeDeveloperIdentities). **A merge cannot be undone**: destroying this resource only removes it from Terraform state.',
    attributes: {
      id: {
        type: 'string',
        computed: true,
        description:
          'Import id: `identity_pool_id,developer_provider_name,source_user_identifier,destination_user_identifier`. Inside each part, `%` is written `%25` and `,` is written `%2C`, so identifiers may hold any character.',
      },
      identity_pool_id: {
        type: 'string',
        required: true,
        description: 'Identity pool id, `REGION:GUID` (1-55 characters, `[\\w-]+:[0-9a-f-]+`). Changing it forces a new merge.',
      },
      developer_provider_name: {
        type: 'string',
        required: true,
        description: "The identity pool's developer provider name (1-128 characters, `[\\w._-]+`). Changing it forces a new merge.",
      },
      source_user_identifier: {
        type: 'string',
        required: true,
        description:
          'Developer user identifier to merge away (1-1024 characters). Its identity is disabled and the user now resolves to the destination identity. Changing it forces a new merge.',
      },
      destination_user_identifier: {
        type: 'string',
        required: true,
        description:
          'Developer user identifier whose identity survives the merge (1-1024 characters, different from the source). Changing it forces a new merge.',
      },
      on_destroy: {
        type: 'string',
        optional: true,
        description:
          'What destroying this resource does: `warn` (default) removes it from state with a warning and leaves the merge in Cognito; `error` refuses to destroy. Changing it updates in place.',
      },
      allow_moving_unnamed_logins: {
        type: 'bool',
        optional: true,
        description:
          "Consent to move logins this resource does not name (default `false`). Cognito merges whole identities: every developer user and public login on the source's identity moves with it. Without this, plan fails when anything besides `source_user_identifier` would move; review `moving_users` and `moving_public_logins` first. Changing it updates in place.",
      },
      identity_id: {
        type: 'string',
        computed: true,
        description: "The surviving identity id (the destination user's identity). Known at plan time when the users exist.",
      },
      moving_users: {
        type: ['list', 'string'],
        computed: true,
        description:
          "Every developer user the merge moves: all users on the source's identity, the source first, then the others sorted. Known at plan time when the users exist; empty when the source already shares the destination's identity. After apply, what the merge moved.",
      },
      moving_public_logins: {
        type: 'number',
        computed: true,
        description:
          "How many public logins (Google, Facebook, ...) on the source's identity move with it. Known at plan time when the users exist; null when DescribeIdentity could not be read.",
      },
      developer_user_identifiers: {
        type: ['list', 'string'],
        computed: true,
        description: 'Every developer user identifier linked to `identity_id` after the merge, read back through LookupDeveloperIdentity.',
      },
    },
  },
};

export const developerIdentitySchema: Schema = {
  version: 0,
  block: {
    description: 'Looks up a developer-authenticated identity (LookupDeveloperIdentity) by `developer_user_identifier` or by `identity_id`.',
    attributes: {
      id: {
        type: 'string',
        computed: true,
        description: 'The identity id.',
      },
      identity_pool_id: {
        type: 'string',
        required: true,
        description: 'Identity pool id, `REGION:GUID`.',
      },
      developer_user_identifier: {
        type: 'string',
        optional: true,
        description: 'A developer user identifier to look up. Exactly one of this or `identity_id` must be set.',
      },
      identity_id: {
        type: 'string',
        optional: true,
        computed: true,
        description: 'The identity id to look up, or the one found. Exactly one of this or `developer_user_identifier` must be set.',
      },
      developer_user_identifiers: {
        type: ['list', 'string'],
        computed: true,
        description: 'Every developer user identifier linked to the identity (all pages).',
      },
    },
  },
};

export const mergedIdentitiesSchema: Schema = {
  version: 0,
  block: {
    description:
      'Lists the identities of a pool that hold several developer users, that is the merges the pool already has (ListIdentities, then LookupDeveloperIdentity per identity). Read-only: for adopting existing merges with `import` blocks.',
    attributes: {
      id: {
        type: 'string',
        computed: true,
        description: 'The identity pool id.',
      },
      identity_pool_id: {
        type: 'string',
        required: true,
        description: 'Identity pool id, `REGION:GUID`.',
      },
      developer_provider_name: {
        type: 'string',
        required: true,
        description: "The identity pool's developer provider name; the read fails when the pool uses another one.",
      },
      min_developer_users: {
        type: 'number',
        optional: true,
        description:
          'Only identities with at least this many developer user ids are listed: a whole number from 1 to 10000, default 2 (identities that hold a merge).',
      },
      identities: {
        type: ['list', ['object', { identity_id: 'string', developer_user_identifiers: ['list', 'string'] }]],
        computed: true,
        description:
          'Every enabled identity of the pool with at least `min_developer_users` developer user ids, ordered by `identity_id`. `developer_user_identifiers` is sorted, so its first element is stable from one plan to the next.',
      },
    },
  },
};
