/**
 * Service errors as the awsJson1_1 protocol carries them. AWS answers every client error of
 * cognito-identity with HTTP 400 (whatever the model's httpError traits say) and
 * InternalErrorException with 500; SDKs classify by `__type`, so the name is what matters.
 */
export class ServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status: number = 400,
  ) {
    super(message);
    this.name = type;
  }
}

export const invalidParameter = (message: string): ServiceError => new ServiceError('InvalidParameterException', message);

export const notFound = (message: string): ServiceError => new ServiceError('ResourceNotFoundException', message);

export const conflict = (message: string): ServiceError => new ServiceError('ResourceConflictException', message);

export const notAuthorized = (message: string): ServiceError => new ServiceError('NotAuthorizedException', message);

/** A disabled identity: the text the service is reported to give (emulator/README.md, evidence). */
export const forbiddenIdentity = (identityId: string): ServiceError => notAuthorized(`Access to Identity '${identityId}' is forbidden.`);

export const internalError = (): ServiceError => new ServiceError('InternalErrorException', 'An internal error occurred.', 500);

export const throttled = (): ServiceError => new ServiceError('TooManyRequestsException', 'Rate exceeded');

export const poolNotFound = (poolId: string): ServiceError => notFound(`IdentityPool '${poolId}' not found.`);

export const identityNotFound = (identityId: string): ServiceError => notFound(`Identity '${identityId}' not found.`);
