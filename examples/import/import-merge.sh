#!/bin/sh
# Imports an existing merge into the state of the Terraform configuration in
# the current directory, which must already declare the resource address.
#
#   usage: import-merge.sh ADDRESS POOL_ID DEVELOPER_PROVIDER SOURCE_USER DESTINATION_USER
#   e.g.:  import-merge.sh 'cognitoidentity_merged_identity.merge["user-tablet"]' \
#            us-east-1:0f3a7c2e-5b1d-4e8f-9a60-7c2d1e4b8f90 login.example.app user-tablet user-primary
set -eu

if [ "$#" -ne 5 ]; then
  echo "usage: $0 ADDRESS POOL_ID DEVELOPER_PROVIDER SOURCE_USER DESTINATION_USER" >&2
  exit 2
fi

# Escape one id part: % first (so the % of %2C is not escaped again), then ",".
escape() {
  printf '%s' "$1" | sed -e 's/%/%25/g' -e 's/,/%2C/g'
}

id="$(escape "$2"),$(escape "$3"),$(escape "$4"),$(escape "$5")"
exec terraform import "$1" "$id"
