// What code outside the provider (the cdktf bindings) may use of it: the import
// id format and where Terraform finds the provider. Lint (eslint.config.js)
// keeps bindings/ to this entry point.

export { formatResourceId, parseResourceId, RESOURCE_ID_FORMAT, type MergeKey } from './cognito/resource-id';
export { PROVIDER_TYPE, PROVIDER_VERSION, SOURCE_ADDRESS } from './provider-address';
