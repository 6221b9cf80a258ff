variable "region" {
  description = "AWS Region of the identity pool."
  type        = string
  default     = "us-east-1"
}

variable "cognito_endpoint" {
  description = "Custom Cognito Identity endpoint, e.g. http://127.0.0.1:4566 for the local emulator. null means AWS."
  type        = string
  default     = null
}

variable "identity_pool_name" {
  description = "Name of the identity pool to create."
  type        = string
  default     = "merge_example"
}

variable "developer_provider_name" {
  description = "The pool's developer provider name (cannot be changed once the pool exists)."
  type        = string
  default     = "login.example.app"
}

variable "destination_user_identifier" {
  description = "Developer user whose identity survives the merges."
  type        = string
  default     = "user-primary"
}

variable "source_user_identifiers" {
  description = "Developer users merged into the destination. Each must already exist in the pool."
  type        = list(string)
  default     = ["user-secondary", "user-tablet"]

  validation {
    condition     = length(var.source_user_identifiers) > 0
    error_message = "source_user_identifiers is empty; give at least one user to merge."
  }
  validation {
    condition     = length(distinct(var.source_user_identifiers)) == length(var.source_user_identifiers)
    error_message = "source_user_identifiers lists a user more than once; merge each user once."
  }
  validation {
    # The destination's own login plus one per source; Cognito links at most 20 logins to an identity.
    condition     = length(var.source_user_identifiers) + 1 <= 20
    error_message = "More than 19 sources would link more than 20 logins to one identity, which Cognito refuses."
  }
}

variable "on_destroy" {
  description = "warn (default): destroy only forgets the merge. error: destroy is refused."
  type        = string
  default     = "warn"
}
