# Adopting every merge an identity pool already has, in one plan: merges made
# by scripts with the AWS CLI or SDK, of which no record exists.
#
# The data source lists each identity that holds several developer users
# (ListIdentities, then LookupDeveloperIdentity per identity). Each group is
# declared as merges of its non-first users into its first one, and imported.
# Importing never calls MergeDeveloperIdentities, so apply changes nothing in
# Cognito. Needs Terraform 1.8+ (import for_each: 1.7, provider functions: 1.8).
#
# Credentials come from the standard AWS chain; for the local emulator any
# dummy keys work (AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test).

terraform {
  required_version = ">= 1.8.0"

  required_providers {
    cognitoidentity = {
      source  = "terraform.local/cognito/cognitoidentity"
      version = "~> 0.1.0"
    }
  }
}

variable "identity_pool_id" {
  description = "The identity pool whose merges to adopt, REGION:GUID."
  type        = string
}

variable "developer_provider_name" {
  description = "The pool's developer provider name."
  type        = string
}

variable "cognito_endpoint" {
  description = "Custom Cognito Identity endpoint, e.g. http://127.0.0.1:4566 for the local emulator. null means AWS."
  type        = string
  default     = null
}

provider "cognitoidentity" {
  endpoint = var.cognito_endpoint
}

data "cognitoidentity_merged_identities" "existing" {
  identity_pool_id        = var.identity_pool_id
  developer_provider_name = var.developer_provider_name
}

locals {
  # source user => destination user. The users of each identity are sorted, so
  # the first one (the destination) stays the same from one plan to the next.
  merges = merge({}, [
    for identity in data.cognitoidentity_merged_identities.existing.identities : {
      for source in slice(identity.developer_user_identifiers, 1, length(identity.developer_user_identifiers)) :
      source => identity.developer_user_identifiers[0]
    }
  ]...)
}

import {
  for_each = local.merges
  to       = cognitoidentity_merged_identity.adopted[each.key]
  id       = provider::cognitoidentity::merged_identity_id(var.identity_pool_id, var.developer_provider_name, each.key, each.value)
}

resource "cognitoidentity_merged_identity" "adopted" {
  for_each                    = local.merges
  identity_pool_id            = var.identity_pool_id
  developer_provider_name     = var.developer_provider_name
  source_user_identifier      = each.key
  destination_user_identifier = each.value
}

output "adopted" {
  description = "Source user => destination user, for every merge in state."
  value       = { for source, merge in cognitoidentity_merged_identity.adopted : source => merge.destination_user_identifier }
}
