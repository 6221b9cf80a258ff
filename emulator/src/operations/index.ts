/** Registry of the operations the emulator serves, by X-Amz-Target operation name. */
import { credentialOperations } from './credentials';
import { developerOperations } from './developer';
import { identityOperations } from './identities';
import type { Operation } from './operation';
import { poolOperations } from './pools';

export type { Operation, OperationContext } from './operation';

export const operations: ReadonlyMap<string, Operation> = new Map(
  [...poolOperations, ...identityOperations, ...developerOperations, ...credentialOperations].map((op) => [op.name, op]),
);

export const operationNames = (): string[] => [...operations.keys()];
