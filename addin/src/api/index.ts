export { createApiClient } from './client';
export type { ApiClient, ApiClientOptions } from './client';
export { createRequester } from './requester';
export type { FetchLike, Requester, RequesterOptions } from './requester';
export { ApiError, NetworkError, isApiError } from './errors';
export type { ErrorCode, ErrorDetail } from './errors';
export type * from './types';
