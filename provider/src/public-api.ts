// What code outside the provider (the cdktf bindings) may use of it. Lint
// (eslint.config.js) keeps bindings/ to this entry point.

export { formatResourceId, parseResourceId, RESOURCE_ID_FORMAT, type MergeKey } from './cognito/resource-id';
