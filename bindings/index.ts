// cdktf constructs for the `cognitoidentity` provider.
export * from './metadata';
export * from './provider-config';
export * from './provider';
export * from './merged-identity';
export * from './data-developer-identity';
export * from './identity-merge';
export * from './import-id';
export * from './data-merged-identities';
export * from './functions';
export * from './merge-adoption';
export * from './import-code';
