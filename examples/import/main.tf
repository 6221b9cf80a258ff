# Adopting a merge that was made outside Terraform (by a script, the console or
# another stack) with an `import` block (Terraform 1.5+, OpenTofu 1.5+).
# `terraform plan` shows the import; `terraform apply` records it in state.
# Importing never merges: the merge must already have happened.
#
# Import id: identity_pool_id,developer_provider_name,source_user_identifier,destination_user_identifier
# Inside each part, % is written %25 and , is written %2C. The pool id keeps
# its ":" as is.

terraform {
  required_providers {
    cognitoidentity = {
      source  = "terraform.local/cognito/cognitoidentity"
      version = "~> 0.1.0"
    }
  }
}

provider "cognitoidentity" {
  region = "us-east-1"
}

import {
  to = cognitoidentity_merged_identity.tablet
  id = "us-east-1:0f3a7c2e-5b1d-4e8f-9a60-7c2d1e4b8f90,login.example.app,user-tablet,user-primary"
}

resource "cognitoidentity_merged_identity" "tablet" {
  identity_pool_id            = "us-east-1:0f3a7c2e-5b1d-4e8f-9a60-7c2d1e4b8f90"
  developer_provider_name     = "login.example.app"
  source_user_identifier      = "user-tablet"
  destination_user_identifier = "user-primary"
}

# A source identifier holding a comma ("acme,legacy:42") is escaped in the id.
import {
  to = cognitoidentity_merged_identity.legacy
  id = "us-east-1:0f3a7c2e-5b1d-4e8f-9a60-7c2d1e4b8f90,login.example.app,acme%2Clegacy:42,user-primary"
}

resource "cognitoidentity_merged_identity" "legacy" {
  identity_pool_id            = "us-east-1:0f3a7c2e-5b1d-4e8f-9a60-7c2d1e4b8f90"
  developer_provider_name     = "login.example.app"
  source_user_identifier      = "acme,legacy:42"
  destination_user_identifier = "user-primary"
}
