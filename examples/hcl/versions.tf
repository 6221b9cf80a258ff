terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
    cognitoidentity = {
      source  = "terraform.local/cognito/cognitoidentity"
      version = "~> 0.1.0"
    }
  }
}
