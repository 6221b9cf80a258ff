output "identity_pool_id" {
  value = aws_cognito_identity_pool.pool.id
}

output "merged_identity_ids" {
  description = "Surviving identity id, per source user (all the same identity)."
  value       = { for source, m in cognitoidentity_merged_identity.merge : source => m.identity_id }
}

output "lookup_identity_id" {
  value = data.cognitoidentity_developer_identity.destination.id
}

output "lookup_user_identifiers" {
  description = "Every developer user now linked to the destination's identity."
  value       = data.cognitoidentity_developer_identity.destination.developer_user_identifiers
}

output "moved_users" {
  description = "Every developer user each merge moved (shown at plan, before anything moves)."
  value       = { for source, m in cognitoidentity_merged_identity.merge : source => m.moving_users }
}
