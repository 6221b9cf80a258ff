# The same stack as examples/cdktf, in plain HCL: an identity pool with a
# developer provider, every source user merged into the destination user, and
# a lookup of the result. The users are created out of band (your application
# calls GetOpenIdTokenForDeveloperIdentity), before the merges are applied.
#
# Credentials come from the standard AWS chain (environment, profile, SSO,
# instance role); none are written here. For the local emulator, any dummy
# keys work: AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test.

locals {
  local_endpoint = var.cognito_endpoint != null
}

provider "aws" {
  region = var.region

  endpoints {
    cognitoidentity = var.cognito_endpoint
  }

  # An emulator has no STS, IMDS or account to look up.
  skip_credentials_validation = local.local_endpoint
  skip_requesting_account_id  = local.local_endpoint
  skip_metadata_api_check     = local.local_endpoint
  skip_region_validation      = local.local_endpoint
}

provider "cognitoidentity" {
  region   = var.region
  endpoint = var.cognito_endpoint
}

resource "aws_cognito_identity_pool" "pool" {
  identity_pool_name               = var.identity_pool_name
  allow_unauthenticated_identities = false
  developer_provider_name          = var.developer_provider_name
}

# One merge per source, all into one destination: a fan-in, never a chain
# (docs/resources/merged_identity.md, "What a merge moves"). Cognito merges
# whole identities, so plan lists in moving_users every user that would move
# and refuses anything besides the source unless allow_moving_unnamed_logins
# is set. The provider runs the merges of one pool one at a time.
resource "cognitoidentity_merged_identity" "merge" {
  for_each = toset(var.source_user_identifiers)

  identity_pool_id            = aws_cognito_identity_pool.pool.id
  developer_provider_name     = aws_cognito_identity_pool.pool.developer_provider_name
  source_user_identifier      = each.value
  destination_user_identifier = var.destination_user_identifier
  on_destroy                  = var.on_destroy

  lifecycle {
    precondition {
      condition     = each.value != var.destination_user_identifier
      error_message = "source_user_identifiers contains the destination user ${var.destination_user_identifier}; a user cannot be merged into itself."
    }
  }
}

data "cognitoidentity_developer_identity" "destination" {
  identity_pool_id          = aws_cognito_identity_pool.pool.id
  developer_user_identifier = var.destination_user_identifier

  # Read after the merges, so the lookup shows every merged user.
  depends_on = [cognitoidentity_merged_identity.merge]
}
