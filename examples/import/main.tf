# Adopting a merge that was made outside Terraform (by a script, the console or
# another stack) with an `import` block (Terraform 1.6+ or OpenTofu 1.6+ here: the ids below are expressions).
# `terraform plan` shows the import; `terraform apply` records it in state.
# Importing never merges: the merge must already have happened.
#
# Import id: identity_pool_id,developer_provider_name,source_user_identifier,destination_user_identifier
# Inside each part, % is written %25 and , is written %2C. The pool id keeps
# its ":" as is (and never holds "," or "%"), so it can come from a variable;
# an import id that is an expression needs Terraform 1.6+.

terraform {
  required_providers {
    cognitoidentity = {
      source  = "terraform.local/cognito/cognitoidentity"
      version = "~> 0.1.0"
    }
  }
}

variable "identity_pool_id" {
  description = "The identity pool that holds the merges, REGION:GUID."
  type        = string
  default     = "us-east-1:0f3a7c2e-5b1d-4e8f-9a60-7c2d1e4b8f90"
}

variable "cognito_endpoint" {
  description = "Custom Cognito Identity endpoint, e.g. http://127.0.0.1:4566 for the local emulator. null means AWS."
  type        = string
  default     = null
}

provider "cognitoidentity" {
  region   = "us-east-1"
  endpoint = var.cognito_endpoint
}

import {
  to = cognitoidentity_merged_identity.tablet
  id = "${var.identity_pool_id},login.example.app,user-tablet,user-primary"
}

resource "cognitoidentity_merged_identity" "tablet" {
  identity_pool_id            = var.identity_pool_id
  developer_provider_name     = "login.example.app"
  source_user_identifier      = "user-tablet"
  destination_user_identifier = "user-primary"
}

# A source identifier holding a comma ("acme,legacy:42") is escaped in the id.
import {
  to = cognitoidentity_merged_identity.legacy
  id = "${var.identity_pool_id},login.example.app,acme%2Clegacy:42,user-primary"
}

resource "cognitoidentity_merged_identity" "legacy" {
  identity_pool_id            = var.identity_pool_id
  developer_provider_name     = "login.example.app"
  source_user_identifier      = "acme,legacy:42"
  destination_user_identifier = "user-primary"
}
